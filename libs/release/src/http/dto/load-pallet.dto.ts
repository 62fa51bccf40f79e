import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsInt, Max, Min } from 'class-validator';
import { IsYmd } from '../../release-day';
import { MAX_ORDER_LISTS_PER_REQUEST } from './create-order-list.dto';

export class LoadPalletDto {
  @ApiProperty({ example: '20261201', description: 'The day whose load this is, YYYYMMDD' })
  @IsYmd()
  ymd!: string;

  @ApiProperty({
    type: 'integer',
    isArray: true,
    example: [1, 2, 3],
    description: 'Every order line of that day to be on the pallet (empty: unload it)',
  })
  @IsArray()
  @ArrayMaxSize(MAX_ORDER_LISTS_PER_REQUEST)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(2_147_483_647, { each: true })
  orderListIds!: number[];
}
