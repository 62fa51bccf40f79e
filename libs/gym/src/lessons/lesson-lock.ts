import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/mysql';
import { NotFoundError } from '@app/core';
import { Lesson } from './lesson.entity';

/**
 * The lesson, its row locked until the transaction ends, or 404. Everything that changes a lesson's
 * seats or its waitlist (a booking, a cancellation, a join, a promotion, a staff edit) takes this
 * lock first, so those changes run one after the other per lesson; the member's row comes second.
 */
export async function lockLesson(em: EntityManager, lessonId: number): Promise<Lesson> {
  const lesson = await em.findOne(Lesson, lessonId, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!lesson) throw new NotFoundError('Lesson', lessonId);
  return lesson;
}
