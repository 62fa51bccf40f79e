import { ApiProperty } from '@nestjs/swagger';
import type { Balance } from '../credit-ledger.service';
import { CreditBucketResponse } from './credit-bucket.response';

export class BalanceResponse {
  @ApiProperty({ type: 'integer', description: '`available + upcoming`' }) balance!: number;
  @ApiProperty({ type: 'integer', description: 'Usable on a lesson today' }) available!: number;
  @ApiProperty({ type: 'integer', description: 'In purchases that start after today' }) upcoming!: number;
  @ApiProperty({ type: [CreditBucketResponse] }) buckets!: CreditBucketResponse[];
}

export function toBalanceResponse(balance: Balance): BalanceResponse {
  return {
    balance: balance.balance,
    available: balance.available,
    upcoming: balance.upcoming,
    buckets: balance.buckets.map((bucket) => ({
      creditId: bucket.purchaseId,
      remaining: bucket.remaining,
      startDate: bucket.startDate,
      endDate: bucket.endDate,
    })),
  };
}
