import { Injectable } from '@nestjs/common';
import { IsolationLevel } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/mysql';
import { inTransaction, NotFoundError } from '@app/core';
import { AuditLog, User } from '@app/identity';
import { Credit } from './credit.entity';
import { GymCalendar } from '../gym-calendar';

export interface NewGrant {
  userId: number;
  creditCount: number;
  startDate: string;
  endDate: string;
  reason: string;
}

/**
 * Credits staff give a member (a goodwill gesture, a correction). A grant is one `grant` entry, a
 * purchase without a price policy: bookings spend it with the purchases, soonest ending first, the
 * balance counts it, and it expires at its end date like them (`CreditRepository`). The entry and
 * its audit entry (`credit.grant`, with the reason) are written in one transaction; the ledger
 * stays append-only, so a mistaken grant is answered by another entry, never by an edit.
 */
@Injectable()
export class CreditGrantService {
  constructor(
    private readonly em: EntityManager,
    private readonly calendar: GymCalendar,
    private readonly audit: AuditLog,
  ) {}

  grant(actorId: number, input: NewGrant): Promise<Credit> {
    return inTransaction(
      this.em,
      async (em) => {
        const found = await em.count(User, { id: input.userId });
        if (found === 0) throw new NotFoundError('User', input.userId);
        const member = em.getReference(User, input.userId);
        const { startDate, endDate, creditCount, reason } = input;
        const entry = Credit.grant(member, creditCount, { startDate, endDate }, reason, this.calendar.instant());
        await em.persist(entry).flush(); // the audit entry names its id
        this.audit.record(em, actorId, {
          action: 'credit.grant',
          entity: 'credit',
          entityId: entry.id,
          after: { userId: member.id, creditCount, startDate, endDate },
          reason,
        });
        return entry;
      },
      { isolationLevel: IsolationLevel.READ_COMMITTED },
    );
  }
}
