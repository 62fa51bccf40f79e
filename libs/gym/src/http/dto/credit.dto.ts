import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsCalendarDate } from '@app/core';
import { type CreditEntryFields, CreditType } from '../../entities/credit.entity';
import type { Balance } from '../../credit-ledger.service';

export class PurchaseCreditDto {
  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  pricePolicyId!: number;

  @ApiProperty({ example: '2026-12-01', description: 'First day the credits are valid (YYYY-MM-DD), today or later' })
  @IsCalendarDate()
  startDate!: string;
}

export class CreditQueryDto {
  @ApiPropertyOptional({ description: 'Staff only: whose ledger to read' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  userId?: number;
}

export class CreditResponse {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: CreditType }) type!: CreditType;
  @ApiProperty({ description: 'Negative for use and expire entries' }) count!: number;
  @ApiProperty({ example: '2026-12-01' }) startDate!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '2026-12-31',
    description: 'Purchases only: first day the credits no longer count',
  })
  endDate!: string | null;
  @ApiProperty({ type: Number, nullable: true }) pricePolicyId!: number | null;
  @ApiProperty({ type: Number, nullable: true }) reservationId!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'use, refund and expire entries: the purchase they change' })
  purchaseId!: number | null;
  @ApiProperty() message!: string;
  @ApiProperty({ example: '2026-11-26T04:00:00.000Z' }) createdAt!: string;
}

export function toCreditResponse(credit: CreditEntryFields): CreditResponse {
  return {
    id: credit.id,
    type: credit.type,
    count: credit.count,
    startDate: credit.startDate,
    endDate: credit.endDate,
    pricePolicyId: credit.pricePolicy?.id ?? null,
    reservationId: credit.reservation?.id ?? null,
    purchaseId: credit.purchase?.id ?? null,
    message: credit.message,
    createdAt: credit.createdAt.toISOString(),
  };
}

export class CreditBucketResponse {
  @ApiProperty({ description: 'The purchase' }) creditId!: number;
  @ApiProperty() remaining!: number;
  @ApiProperty({ example: '2026-12-31' }) endDate!: string;
}

export class BalanceResponse {
  @ApiProperty() balance!: number;
  @ApiProperty({ type: [CreditBucketResponse] }) buckets!: CreditBucketResponse[];
}

export function toBalanceResponse(balance: Balance): BalanceResponse {
  return {
    balance: balance.balance,
    buckets: balance.buckets.map((bucket) => ({ creditId: bucket.purchaseId, remaining: bucket.remaining, endDate: bucket.endDate })),
  };
}
