import { ApiProperty } from '@nestjs/swagger';
import { type CreditEntryFields, CreditType } from '../credit.entity';

export class CreditResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty({ enum: CreditType }) type!: CreditType;
  @ApiProperty({ type: 'integer', description: 'Negative for use and expire entries' }) count!: number;
  @ApiProperty({ format: 'date', example: '2026-12-01' }) startDate!: string;
  @ApiProperty({
    format: 'date',
    type: String,
    nullable: true,
    example: '2026-12-31',
    description: 'Purchases and grants only: first day the credits no longer count',
  })
  endDate!: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) pricePolicyId!: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) reservationId!: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'use, refund and expire entries: the purchase (or grant) they change' })
  purchaseId!: number | null;
  @ApiProperty() message!: string;
  @ApiProperty({ format: 'date-time', example: '2026-11-26T04:00:00.000Z' }) createdAt!: string;
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
