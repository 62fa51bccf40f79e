import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { RefundMode } from '../booking.service';

const REFUND_MODES: RefundMode[] = ['tier', 'full'];

export class CancelReservationQueryDto {
  @ApiPropertyOptional({
    enum: REFUND_MODES,
    default: 'tier',
    description:
      '`tier`: by the days before the lesson day (all 3+, half 1-2, and for staff 0 on the day or after). `full`: everything the booking cost, staff only (403 FORBIDDEN for a member).',
  })
  @IsOptional()
  @IsIn(REFUND_MODES)
  refund: RefundMode = 'tier';
}
