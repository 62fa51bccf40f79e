import type { EntityManager } from '@mikro-orm/mysql';
import { Cursor, executePrepared, fromStoredDatetime, type Page, toPage } from '@app/core';
import type { AuditFields } from './audit-entry.entity';

export interface AuditTrailFilter {
  actorId?: number;
  entity?: string;
  entityId?: number;
  limit: number;
  cursor?: string;
}

export interface AuditTrailItem {
  id: number;
  actor: { id: number; username: string };
  action: string;
  entity: string;
  entityId: number | null;
  before: AuditFields | null;
  after: AuditFields | null;
  reason: string | null;
  createdAt: Date;
}

interface AuditRow {
  id: number | string;
  actorId: number;
  actorUsername: string;
  action: string;
  entity: string;
  entityId: number | null;
  before: string | AuditFields | null;
  after: string | AuditFields | null;
  reason: string | null;
  createdAt: string;
}

const json = (value: string | AuditFields | null): AuditFields | null =>
  typeof value === 'string' ? (JSON.parse(value) as AuditFields) : value;

/**
 * One page of the audit log, newest first, in one statement: a keyset on the id, walked backwards
 * by the index that matches the filter (`audit_entry_actor (actor_id, id)`, `audit_entry_record
 * (entity, entity_id, id)`, or the primary key), with each entry's actor by primary key. The
 * join is a `straight_join`: left to itself, MariaDB read the smaller user table first and sorted the
 * whole log in a temporary table (EXPLAIN in docs/staff-operations.md).
 */
export async function readAuditTrail(em: EntityManager, filter: AuditTrailFilter): Promise<Page<AuditTrailItem>> {
  const where: string[] = [];
  const params: unknown[] = [];
  const conditions: [string, unknown][] = [
    ['a.actor_id = ?', filter.actorId],
    ['a.entity = ?', filter.entity],
    ['a.entity_id = ?', filter.entityId],
  ];
  for (const [condition, value] of conditions) {
    if (value === undefined) continue;
    where.push(condition);
    params.push(value);
  }
  if (filter.cursor) {
    const [id] = Cursor.decode<[number]>(filter.cursor, ['number']);
    where.push('a.id < ?');
    params.push(id);
  }
  params.push(filter.limit + 1);
  const rows = await executePrepared<AuditRow>(
    em,
    `select a.id, a.actor_id as actorId, u.username as actorUsername, a.action, a.entity, a.entity_id as entityId,
            a.before, a.after, a.reason, a.created_at as createdAt
       from audit_entry a
       straight_join \`user\` u on u.id = a.actor_id
      ${where.length ? `where ${where.join(' and ')}` : ''}
      order by a.id desc
      limit ?`,
    params,
  );
  return toPage(
    rows,
    filter.limit,
    (row) => [Number(row.id)],
    (row) => ({
      id: Number(row.id),
      actor: { id: row.actorId, username: row.actorUsername },
      action: row.action,
      entity: row.entity,
      entityId: row.entityId,
      before: json(row.before),
      after: json(row.after),
      reason: row.reason,
      createdAt: fromStoredDatetime(row.createdAt),
    }),
  );
}
