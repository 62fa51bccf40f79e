import { ApiProperty } from '@nestjs/swagger';
import type { CarSummary } from '../../car.repository';

export class CarSummaryResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty({ example: '12가3456' }) carNumber!: string;
  @ApiProperty({ example: '2.5톤 윙바디' }) type!: string;
  @ApiProperty({ type: 'integer', example: 8 }) palletCount!: number;
}

export const toCarSummaryResponse = (car: CarSummary): CarSummaryResponse => ({
  id: car.id,
  carNumber: car.carNumber,
  type: car.type,
  palletCount: car.palletCount,
});
