import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { LessonWithRoster } from '../lesson-roster.query';
import { LessonListedResponse, toLessonListedResponse } from './lesson-listed.response';
import { RosterEntryResponse } from './roster-entry.response';
import { WaitingMemberResponse } from './waiting-member.response';

export class LessonDetailResponse extends LessonListedResponse {
  @ApiProperty({
    type: [RosterEntryResponse],
    description:
      "Reservation and cancellation records, oldest first: staff see every member's (with phone numbers), a member only their own",
  })
  reservations!: RosterEntryResponse[];

  @ApiPropertyOptional({ type: [WaitingMemberResponse], description: 'Staff only: the members waiting, first in line first' })
  waitlist?: WaitingMemberResponse[];
}

export function toLessonDetailResponse({ lesson, reservations, waitlist }: LessonWithRoster, viewerIsStaff: boolean): LessonDetailResponse {
  return {
    ...toLessonListedResponse(lesson),
    reservations: reservations.map((reservation) => ({
      id: reservation.id,
      type: reservation.type,
      createdAt: reservation.createdAt.toISOString(),
      canceledAt: reservation.canceledAt?.toISOString() ?? null,
      user: {
        id: reservation.user.id,
        username: reservation.user.username,
        ...(viewerIsStaff ? { phoneNumber: reservation.user.phoneNumber } : {}),
      },
    })),
    ...(waitlist
      ? {
          waitlist: waitlist.map((waiting) => ({
            position: waiting.position,
            createdAt: waiting.createdAt.toISOString(),
            user: waiting.user,
          })),
        }
      : {}),
  };
}
