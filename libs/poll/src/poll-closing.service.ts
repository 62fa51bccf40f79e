import { Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/mysql';
import { Clock, DomainError, inTransaction, NotFoundError } from '@app/core';
import { AuditLog, StaffRights } from '@app/identity';
import { Poll } from './entities/poll.entity';

/**
 * Closing a poll before its end, by its owner or staff. The poll's row is locked, so the closing
 * instant is decided once; voting reads the row under a shared lock (`PollVotingService`), so a
 * vote either commits before the close or sees it. Every close is recorded as `poll.close`, by the
 * owner too: it changes what every voter can do, so "who closed it, when" is worth keeping.
 */
@Injectable()
export class PollClosingService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly staffRights: StaffRights,
    private readonly audit: AuditLog,
  ) {}

  async close(actorId: number, pollId: number): Promise<void> {
    const isStaff = await this.staffRights.isStaff(actorId);
    await inTransaction(this.em, async (em) => {
      const poll = await em.findOne(Poll, pollId, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!poll) throw new NotFoundError('Poll', pollId);
      if (!isStaff && poll.owner.id !== actorId) throw new DomainError('FORBIDDEN', 'Only the owner or staff may close this poll');
      const endTime = poll.endTime;
      poll.closeAt(this.clock.now());
      this.audit.record(em, actorId, {
        action: 'poll.close',
        entity: 'poll',
        entityId: poll.id,
        before: { endTime: endTime?.toISOString() ?? null },
        after: { endTime: poll.endTime?.toISOString() ?? null },
      });
      await em.flush();
    });
  }
}
