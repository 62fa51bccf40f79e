import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/mysql';
import { Clock } from '@app/core';
import { User } from '../entities/user.entity';
import { AuditEntry, type AuditedChange } from './audit-entry.entity';

/**
 * Records staff changes. `record` only persists the entry in `em`, the transaction of the change
 * itself: the change and its record commit together or not at all. It is the one place a staff
 * change is written down.
 */
@Injectable()
export class AuditLog {
  constructor(private readonly clock: Clock) {}

  record(em: EntityManager, actorId: number, change: AuditedChange): AuditEntry {
    const entry = new AuditEntry({ ...change, actor: em.getReference(User, actorId) }, this.clock.now());
    em.persist(entry);
    return entry;
  }
}
