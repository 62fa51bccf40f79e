import { ApiProperty } from '@nestjs/swagger';
import type { PalletLoad } from '../../car.repository';

export class PalletLoadResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty({ type: 'integer', example: 1 }) seq!: number;
  @ApiProperty({ type: 'integer', description: 'Order lines loaded on the pallet on the day asked for' }) orderCount!: number;
}

export const toPalletLoadResponse = (load: PalletLoad): PalletLoadResponse => ({ id: load.id, seq: load.seq, orderCount: load.orderCount });
