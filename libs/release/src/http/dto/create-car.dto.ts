import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { TextLength } from '@app/core';

const NOT_BLANK = /^\S(.*\S)?$/;

export class CreateCarDto {
  @ApiProperty({ example: '12가3456', maxLength: 20, description: 'Unique' })
  @IsString()
  @TextLength(1, 20)
  @Matches(NOT_BLANK, { message: 'carNumber must not be blank or start or end with spaces' })
  carNumber!: string;

  @ApiProperty({ example: '2.5톤 윙바디', maxLength: 32 })
  @IsString()
  @TextLength(1, 32)
  @Matches(NOT_BLANK, { message: 'type must not be blank or start or end with spaces' })
  type!: string;

  @ApiProperty({
    type: 'integer',
    example: 8,
    minimum: 1,
    maximum: 60,
    description: 'Pallets numbered 1..palletCount are created with the car',
  })
  @IsInt()
  @Min(1)
  @Max(60)
  palletCount!: number;
}
