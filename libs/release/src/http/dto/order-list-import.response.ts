import { ApiProperty } from '@nestjs/swagger';
import type { OrderListImport } from '../../import/order-list-import.service';

export class OrderListImportResponse {
  @ApiProperty({ type: 'integer', example: 120, description: 'Order lines created' })
  created!: number;
}

export function toOrderListImportResponse(result: OrderListImport): OrderListImportResponse {
  return { created: result.created };
}
