import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';
import type { CarSummary, PalletLoad } from '../../car.repository';
import type { Car } from '../../entities/car.entity';
import { IsYmd } from '../../ymd';

const NOT_BLANK = /^\S(.*\S)?$/;

export class CreateCarDto {
  @ApiProperty({ example: '12가3456', maxLength: 20, description: 'Unique' })
  @IsString()
  @Length(1, 20)
  @Matches(NOT_BLANK, { message: 'carNumber must not be blank or start or end with spaces' })
  carNumber!: string;

  @ApiProperty({ example: '2.5톤 윙바디', maxLength: 32 })
  @IsString()
  @Length(1, 32)
  @Matches(NOT_BLANK, { message: 'type must not be blank or start or end with spaces' })
  type!: string;

  @ApiProperty({ example: 8, minimum: 1, maximum: 60, description: 'Pallets numbered 1..palletCount are created with the car' })
  @IsInt()
  @Min(1)
  @Max(60)
  palletCount!: number;
}

export class YmdQueryDto {
  @ApiProperty({ example: '20261201', description: 'The day, YYYYMMDD' })
  @IsYmd()
  ymd!: string;
}

export class PalletResponse {
  @ApiProperty() id!: number;
  @ApiProperty({ example: 1 }) seq!: number;
}

export class CarSummaryResponse {
  @ApiProperty() id!: number;
  @ApiProperty({ example: '12가3456' }) carNumber!: string;
  @ApiProperty({ example: '2.5톤 윙바디' }) type!: string;
  @ApiProperty({ example: 8 }) palletCount!: number;
}

export class CarResponse extends CarSummaryResponse {
  @ApiProperty({ type: [PalletResponse], description: 'By seq' }) pallets!: PalletResponse[];
}

export class PalletLoadResponse {
  @ApiProperty() id!: number;
  @ApiProperty({ example: 1 }) seq!: number;
  @ApiProperty({ description: 'Order lines loaded on the pallet on the day asked for' }) orderCount!: number;
}

export function toCarResponse(car: Car): CarResponse {
  const pallets = car.pallets.getItems().map((pallet) => ({ id: pallet.id, seq: pallet.seq }));
  return { id: car.id, carNumber: car.carNumber, type: car.type, palletCount: pallets.length, pallets };
}

export const toCarSummaryResponse = (car: CarSummary): CarSummaryResponse => ({
  id: car.id,
  carNumber: car.carNumber,
  type: car.type,
  palletCount: car.palletCount,
});

export const toPalletLoadResponse = (load: PalletLoad): PalletLoadResponse => ({ id: load.id, seq: load.seq, orderCount: load.orderCount });
