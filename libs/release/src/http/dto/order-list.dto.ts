import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import type { ReleaseRow } from '../../car.repository';
import type { OrderList } from '../../entities/order-list.entity';
import { IsYmd } from '../../ymd';
import { toBooleanParam, toIdParam } from './query-params';

export const MAX_ORDER_LISTS_PER_REQUEST = 1000;

export class CreateOrderListDto {
  @ApiProperty({ example: '20261201', description: 'The day, YYYYMMDD' })
  @IsYmd()
  ymd!: string;

  @ApiProperty({ example: 'A-1001', maxLength: 32, description: 'Product code' })
  @IsString()
  @Length(1, 32)
  code!: string;

  @ApiProperty({ example: '생수 2L x 6', maxLength: 128, description: 'Product name' })
  @IsString()
  @Length(1, 128)
  codeName!: string;

  @ApiProperty({ example: '강남점', maxLength: 128, description: 'Where it is delivered' })
  @IsString()
  @Length(1, 128)
  locationName!: string;

  @ApiProperty({ example: 12, minimum: 1, maximum: 100000 })
  @IsInt()
  @Min(1)
  @Max(100_000)
  count!: number;
}

export class OrderListQueryDto {
  @ApiProperty({ example: '20261201', description: 'The day, YYYYMMDD' })
  @IsYmd()
  ymd!: string;

  @ApiPropertyOptional({ description: 'Only the lines loaded on this pallet' })
  @IsOptional()
  @Transform(toIdParam)
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  palletId?: number;

  @ApiPropertyOptional({ description: 'true: only the lines on no pallet yet; false: only loaded lines. Not with palletId.' })
  @IsOptional()
  @Transform(toBooleanParam)
  @IsBoolean()
  unloaded?: boolean;
}

export class LoadPalletDto {
  @ApiProperty({ example: '20261201', description: 'The day whose load this is, YYYYMMDD' })
  @IsYmd()
  ymd!: string;

  @ApiProperty({ example: [1, 2, 3], description: 'Every order line of that day to be on the pallet (empty: unload it)' })
  @IsArray()
  @ArrayMaxSize(MAX_ORDER_LISTS_PER_REQUEST)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(2_147_483_647, { each: true })
  orderListIds!: number[];
}

export class OrderListResponse {
  @ApiProperty() id!: number;
  @ApiProperty({ example: '20261201' }) ymd!: string;
  @ApiProperty({ example: 'A-1001' }) code!: string;
  @ApiProperty({ example: '생수 2L x 6' }) codeName!: string;
  @ApiProperty({ example: '강남점' }) locationName!: string;
  @ApiProperty({ example: 12 }) count!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'null while on no pallet' }) palletId!: number | null;
}

export function toOrderListResponse(order: OrderList): OrderListResponse {
  return {
    id: order.id,
    ymd: order.ymd,
    code: order.code,
    codeName: order.codeName,
    locationName: order.locationName,
    count: order.count,
    palletId: order.pallet?.id ?? null,
  };
}

export class ReleaseRowResponse extends OrderListResponse {
  @ApiProperty({ example: 1, description: "The pallet's number on the car" }) palletSeq!: number;
}

export const toReleaseRowResponse = (row: ReleaseRow): ReleaseRowResponse => ({
  id: row.id,
  ymd: row.ymd,
  code: row.code,
  codeName: row.codeName,
  locationName: row.locationName,
  count: row.count,
  palletId: row.palletId,
  palletSeq: row.palletSeq,
});
