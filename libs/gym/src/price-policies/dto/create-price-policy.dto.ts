import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Max, Min } from 'class-validator';
import { TextLength } from '@app/core';

export class CreatePricePolicyDto {
  @ApiProperty({ example: '10 classes, 30 days', maxLength: 100 })
  @IsString()
  @TextLength(1, 100)
  name!: string;

  @ApiProperty({ type: 'integer', example: 150000, description: 'Price in won' })
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  price!: number;

  @ApiProperty({ type: 'integer', example: 10, minimum: 1, maximum: 1000 })
  @IsInt()
  @Min(1)
  @Max(1000)
  creditCount!: number;

  @ApiProperty({ type: 'integer', example: 30, minimum: 1, maximum: 3650 })
  @IsInt()
  @Min(1)
  @Max(3650)
  periodDays!: number;
}
