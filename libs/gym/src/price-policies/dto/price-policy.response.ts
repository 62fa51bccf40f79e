import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { PricePolicyFields } from '../price-policy.service';

export class PricePolicyResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ type: 'integer' }) price!: number;
  @ApiProperty({ type: 'integer' }) creditCount!: number;
  @ApiProperty({ type: 'integer' }) periodDays!: number;
  @ApiPropertyOptional({ description: 'Staff only: false once retired from sale (members never see retired policies)' })
  isActive?: boolean;
}

/** A policy as members see it; with `isActive` for staff. */
export function toPricePolicyResponse(policy: PricePolicyFields, forStaff = false): PricePolicyResponse {
  const { id, name, price, creditCount, periodDays } = policy;
  return { id, name, price, creditCount, periodDays, ...(forStaff ? { isActive: policy.isActive } : {}) };
}
