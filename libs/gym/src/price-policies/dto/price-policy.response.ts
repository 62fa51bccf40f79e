import { ApiProperty } from '@nestjs/swagger';
import type { PricePolicy } from '../price-policy.entity';

export class PricePolicyResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ type: 'integer' }) price!: number;
  @ApiProperty({ type: 'integer' }) creditCount!: number;
  @ApiProperty({ type: 'integer' }) periodDays!: number;
}

export function toPricePolicyResponse(policy: PricePolicy): PricePolicyResponse {
  return { id: policy.id, name: policy.name, price: policy.price, creditCount: policy.creditCount, periodDays: policy.periodDays };
}
