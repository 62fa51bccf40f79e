import { ApiProperty } from '@nestjs/swagger';
import type { Car } from '../../entities/car.entity';
import { PalletResponse } from './pallet.response';
import { CarSummaryResponse } from './car-summary.response';

export class CarResponse extends CarSummaryResponse {
  @ApiProperty({ type: [PalletResponse], description: 'By seq' }) pallets!: PalletResponse[];
}

export function toCarResponse(car: Car): CarResponse {
  const pallets = car.pallets.getItems().map((pallet) => ({ id: pallet.id, seq: pallet.seq }));
  return { id: car.id, carNumber: car.carNumber, type: car.type, palletCount: pallets.length, pallets };
}
