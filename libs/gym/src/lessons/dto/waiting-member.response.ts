import { ApiProperty } from '@nestjs/swagger';
import { ReservationUserResponse } from '../../bookings/dto/reservation-user.response';

export class WaitingMemberResponse {
  @ApiProperty({ type: 'integer', description: 'From 1' }) position!: number;
  @ApiProperty({ format: 'date-time', description: 'When the member joined' }) createdAt!: string;
  @ApiProperty({ type: ReservationUserResponse }) user!: ReservationUserResponse;
}
