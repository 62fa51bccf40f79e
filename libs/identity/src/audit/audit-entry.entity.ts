import { Entity, Index, ManyToOne, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { storedInstant } from '@app/core';
import { User } from '../entities/user.entity';

/** What an audit entry says changed: the record's fields as they were and as they became. */
export type AuditFields = Record<string, unknown>;

/**
 * One staff change, written in the transaction that made it: who (`actor`), what (`action`, such as
 * `lesson.cancel`), on which record (`entity`, `entityId`), the fields before and after, and the
 * reason when one was given. The API never edits or deletes an entry, and the database refuses an
 * UPDATE of one (a trigger, see the migration).
 */
@Entity()
@Index({ name: 'audit_entry_actor', properties: ['actor', 'id'] })
@Index({ name: 'audit_entry_record', properties: ['entity', 'entityId', 'id'] })
export class AuditEntry {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @ManyToOne(() => User, { deleteRule: 'restrict' })
  actor: User;

  @Property({ length: 64 })
  action: string;

  @Property({ length: 40 })
  entity: string;

  /** Null for a change that creates many records at once (an import); its `after` says what. */
  @Property({ type: 'integer', nullable: true, unsigned: true })
  entityId: number | null;

  @Property({ type: 'json', nullable: true })
  before: AuditFields | null;

  @Property({ type: 'json', nullable: true })
  after: AuditFields | null;

  @Property({ length: 500, nullable: true })
  reason: string | null;

  @Property({ type: 'datetime', defaultRaw: 'CURRENT_TIMESTAMP' })
  createdAt: Date & Opt = storedInstant();

  constructor(change: AuditedChange & { actor: User }, at: Date) {
    this.actor = change.actor;
    this.action = change.action;
    this.entity = change.entity;
    this.entityId = change.entityId;
    this.before = change.before ?? null;
    this.after = change.after ?? null;
    this.reason = change.reason ?? null;
    this.createdAt = storedInstant(at);
  }
}

/** A staff change as the service that made it describes it. */
export interface AuditedChange {
  action: string;
  entity: string;
  entityId: number | null;
  before?: AuditFields | null;
  after?: AuditFields | null;
  reason?: string | null;
}
