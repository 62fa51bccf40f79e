import { ApiProperty } from '@nestjs/swagger';
import { ReservationType } from '../../bookings/reservation.entity';
import { ReservationUserResponse } from '../../bookings/dto/reservation-user.response';

export class RosterEntryResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty({ enum: ReservationType }) type!: ReservationType;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'On a reserve record: when the booking was cancelled (null while it holds a seat); null on a cancel record',
  })
  canceledAt!: string | null;
  @ApiProperty({ type: ReservationUserResponse }) user!: ReservationUserResponse;
}
