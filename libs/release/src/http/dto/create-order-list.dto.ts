import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Max, Min } from 'class-validator';
import { TextLength } from '@app/core';
import { IsYmd } from '../../release-day';

export const MAX_ORDER_LISTS_PER_REQUEST = 1000;

export class CreateOrderListDto {
  @ApiProperty({ example: '20261201', description: 'The day, YYYYMMDD' })
  @IsYmd()
  ymd!: string;

  @ApiProperty({ example: 'A-1001', maxLength: 32, description: 'Product code' })
  @IsString()
  @TextLength(1, 32)
  code!: string;

  @ApiProperty({ example: '생수 2L x 6', maxLength: 128, description: 'Product name' })
  @IsString()
  @TextLength(1, 128)
  codeName!: string;

  @ApiProperty({ example: '강남점', maxLength: 128, description: 'Where it is delivered' })
  @IsString()
  @TextLength(1, 128)
  locationName!: string;

  @ApiProperty({ type: 'integer', example: 12, minimum: 1, maximum: 100000 })
  @IsInt()
  @Min(1)
  @Max(100_000)
  count!: number;
}
