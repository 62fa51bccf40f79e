import { ApiProperty } from '@nestjs/swagger';
import { MemberBookingResponse } from './member-booking.response';

export class MemberBookingPageResponse {
  @ApiProperty({ type: [MemberBookingResponse] }) items!: MemberBookingResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
