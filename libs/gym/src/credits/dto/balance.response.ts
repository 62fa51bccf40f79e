import { ApiProperty } from '@nestjs/swagger';
import type { Balance } from '../credit-ledger.service';
import { CreditBucketResponse } from './credit-bucket.response';

export class BalanceResponse {
  @ApiProperty({ type: 'integer' }) balance!: number;
  @ApiProperty({ type: [CreditBucketResponse] }) buckets!: CreditBucketResponse[];
}

export function toBalanceResponse(balance: Balance): BalanceResponse {
  return {
    balance: balance.balance,
    buckets: balance.buckets.map((bucket) => ({ creditId: bucket.purchaseId, remaining: bucket.remaining, endDate: bucket.endDate })),
  };
}
