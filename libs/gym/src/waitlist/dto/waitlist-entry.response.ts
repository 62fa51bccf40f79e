import { ApiProperty } from '@nestjs/swagger';
import { LessonResponse, toLessonResponse } from '../../lessons/dto/lesson.response';
import { WaitlistStatus } from '../waitlist-entry.entity';
import type { WaitlistEntryView } from '../waitlist-entries.query';

export class WaitlistEntryResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty({ type: LessonResponse }) lesson!: LessonResponse;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Waiting entries ahead, counted from 1; null once the entry stops waiting' })
  position!: number | null;
  @ApiProperty({
    enum: WaitlistStatus,
    description:
      'waiting: in the queue; promoted: booked into a freed seat; passed: skipped at a promotion (see reason); expired: still waiting when the waitlist closed before the lesson, or when the gym cancelled the lesson (reason LESSON_CANCELED)',
  })
  status!: WaitlistStatus;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'NOT_ENOUGH_CREDIT',
    description: 'Why a passed entry was skipped, or LESSON_CANCELED on an entry the lesson cancellation closed',
  })
  reason!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export function toWaitlistEntryResponse(entry: WaitlistEntryView): WaitlistEntryResponse {
  return {
    id: entry.id,
    lesson: toLessonResponse(entry.lesson),
    position: entry.position,
    status: entry.status,
    reason: entry.reason,
    createdAt: entry.createdAt.toISOString(),
  };
}
