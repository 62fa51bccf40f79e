import { ApiProperty } from '@nestjs/swagger';
import { ReservationType } from '../../bookings/reservation.entity';
import { ReservationUserResponse } from '../../bookings/dto/reservation-user.response';

export class RosterEntryResponse {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: ReservationType }) type!: ReservationType;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: ReservationUserResponse }) user!: ReservationUserResponse;
}
