import { Controller, Delete, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Endpoint, IdParamPipe } from '@app/core';
import { type AuthenticatedUser, CurrentUser } from '@app/identity';
import { BookingService } from './booking.service';
import { PromotionMailer } from '../waitlist/promotion-mailer';
import { MemberBookingResponse, toMemberBookingResponse } from './dto/member-booking.response';
import { CancelReservationQueryDto } from './dto/cancel-reservation-query.dto';

@ApiTags('gym: reservations')
@Controller('reservations')
export class ReservationController {
  constructor(
    private readonly bookings: BookingService,
    private readonly promotionMailer: PromotionMailer,
  ) {}

  @Delete(':id')
  @Endpoint({
    summary: 'Cancel a reservation (its member, or staff)',
    description:
      "A member cancels their own booking: 3+ days before the lesson day, full refund; 1-2 days: half (rounded down); on the day or after: refused. Staff may cancel any member's booking, also on the lesson day or after the start (`refund=tier` then refunds 0), and only staff may pass `refund=full` (everything it cost); a staff cancellation is written to the audit log (`reservation.cancel`). Answers the cancelled booking with what it spent and what came back (0 included). The freed seat goes to the first member on the waitlist with enough valid credit, who is emailed.",
    errors: ['FORBIDDEN', 'NOT_FOUND', 'NOT_YOUR_RESERVATION', 'INVALID_RESERVATION_TYPE', 'ALREADY_CANCELED', 'CANCEL_NOT_ALLOWED'],
    idempotent: true,
  })
  @ApiOkResponse({ type: MemberBookingResponse })
  async cancel(
    @CurrentUser() me: AuthenticatedUser,
    @Param('id', IdParamPipe) id: number,
    @Query() query: CancelReservationQueryDto,
  ): Promise<MemberBookingResponse> {
    const { booking, promotions } = await this.bookings.cancel(me.id, id, query.refund);
    // committed: now the promoted members may hear of their seats
    await this.promotionMailer.announce(promotions);
    return toMemberBookingResponse(booking);
  }
}
