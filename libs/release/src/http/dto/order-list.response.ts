import { ApiProperty } from '@nestjs/swagger';
import type { OrderList } from '../../entities/order-list.entity';

export class OrderListResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty({ example: '20261201' }) ymd!: string;
  @ApiProperty({ example: 'A-1001' }) code!: string;
  @ApiProperty({ example: '생수 2L x 6' }) codeName!: string;
  @ApiProperty({ example: '강남점' }) locationName!: string;
  @ApiProperty({ type: 'integer', example: 12 }) count!: number;
  @ApiProperty({ type: 'integer', nullable: true, description: 'null while on no pallet' }) palletId!: number | null;
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
