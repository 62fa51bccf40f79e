import { ApiProperty } from '@nestjs/swagger';
import type { LessonWithRoster } from '../lesson-roster.query';
import { LessonResponse, toLessonResponse } from './lesson.response';
import { RosterEntryResponse } from './roster-entry.response';

export class LessonDetailResponse extends LessonResponse {
  @ApiProperty({ type: [RosterEntryResponse], description: 'Every reservation and cancellation record, oldest first' })
  reservations!: RosterEntryResponse[];
}

export function toLessonDetailResponse({ lesson, reservations }: LessonWithRoster, viewerIsStaff: boolean): LessonDetailResponse {
  return {
    ...toLessonResponse(lesson),
    reservations: reservations.map((reservation) => ({
      id: reservation.id,
      type: reservation.type,
      createdAt: reservation.createdAt.toISOString(),
      user: {
        id: reservation.user.id,
        username: reservation.user.username,
        ...(viewerIsStaff ? { phoneNumber: reservation.user.phoneNumber } : {}),
      },
    })),
  };
}
