import { Controller, Delete, HttpCode, Param } from '@nestjs/common';
import { ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { Endpoint, IdParamPipe } from '@app/core';
import { type AuthenticatedUser, CurrentUser } from '@app/identity';
import { BookingService } from './booking.service';

@ApiTags('gym: reservations')
@Controller('reservations')
export class ReservationController {
  constructor(private readonly bookings: BookingService) {}

  @Delete(':id')
  @HttpCode(204)
  @Endpoint({
    summary: 'Cancel my reservation',
    description: '3+ days before the lesson day: full refund; 1-2 days: half (rounded down); on the day or after: refused.',
    errors: ['NOT_FOUND', 'NOT_YOUR_RESERVATION', 'INVALID_RESERVATION_TYPE', 'ALREADY_CANCELED', 'CANCEL_NOT_ALLOWED'],
    idempotent: true,
  })
  @ApiNoContentResponse()
  async cancel(@CurrentUser() me: AuthenticatedUser, @Param('id', IdParamPipe) id: number): Promise<void> {
    await this.bookings.cancel(me.id, id);
  }
}
