import { Controller, Delete, HttpCode, Param } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorResponse, Idempotent, IdParamPipe } from '@app/core';
import { type AuthenticatedUser, CurrentUser } from '@app/identity';
import { BookingService } from './booking.service';

@ApiTags('gym: reservations')
@ApiBearerAuth()
@Controller('reservations')
export class ReservationController {
  constructor(private readonly bookings: BookingService) {}

  @Delete(':id')
  @HttpCode(204)
  @Idempotent()
  @ApiOperation({
    summary: 'Cancel my reservation',
    description: '3+ days before the lesson day: full refund; 1-2 days: half (rounded down); on the day or after: refused.',
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiForbiddenResponse({ type: ErrorResponse, description: 'NOT_YOUR_RESERVATION' })
  @ApiConflictResponse({ type: ErrorResponse, description: 'INVALID_RESERVATION_TYPE, ALREADY_CANCELED, CANCEL_NOT_ALLOWED' })
  async cancel(@CurrentUser() me: AuthenticatedUser, @Param('id', IdParamPipe) id: number): Promise<void> {
    await this.bookings.cancel(me.id, id);
  }
}
