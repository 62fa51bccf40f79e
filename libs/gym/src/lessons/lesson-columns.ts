import type { LessonFields } from './lesson.entity';

/** A lesson's columns as the raw reads select them, the lesson table aliased `l`. */
export const LESSON_COLUMNS = `l.id as lessonId, l.gym, l.type as lessonType, l.credit_count as creditCount, l.max_capacity as maxCapacity,
  l.reserved_count as reservedCount, l.start_date as startDate, l.start_time as startTime, l.end_time as endTime`;

/** The row fields `LESSON_COLUMNS` gives. */
export interface LessonColumns {
  lessonId: number;
  gym: LessonFields['gym'];
  lessonType: LessonFields['type'];
  creditCount: number;
  maxCapacity: number;
  reservedCount: number;
  startDate: string;
  startTime: string;
  endTime: string;
}

export function lessonOf(row: LessonColumns): LessonFields {
  return {
    id: row.lessonId,
    gym: row.gym,
    type: row.lessonType,
    creditCount: row.creditCount,
    maxCapacity: row.maxCapacity,
    reservedCount: row.reservedCount,
    startDate: row.startDate,
    startTime: row.startTime,
    endTime: row.endTime,
  };
}
