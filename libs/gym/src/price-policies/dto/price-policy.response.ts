import { ApiProperty } from '@nestjs/swagger';
import type { PricePolicy } from '../price-policy.entity';

export class PricePolicyResponse {
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
  @ApiProperty() price!: number;
  @ApiProperty() creditCount!: number;
  @ApiProperty() periodDays!: number;
}

export function toPricePolicyResponse(policy: PricePolicy): PricePolicyResponse {
  return { id: policy.id, name: policy.name, price: policy.price, creditCount: policy.creditCount, periodDays: policy.periodDays };
}
