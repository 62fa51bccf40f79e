import type { AnyEntity, ConnectionType, EntityData, LoggingOptions, Transaction } from '@mikro-orm/core';
import { MySqlDriver, type Knex, type MySqlConnection, type QueryResult } from '@mikro-orm/mysql';
import { QueryScopes } from '../query-count/query-scope';

const SELECT = /^\s*\(?\s*select\b/i;
const LOCKING = /\bfor\s+update\b|\bfor\s+share\b|\block\s+in\s+share\s+mode\b/i;

/**
 * A statement a replica may answer: a SELECT that takes no lock. Anything else (a write, a
 * locking read, `set`, a CTE) goes to the primary; a CTE only because telling a read one from a
 * write one costs a parser, and none of our hot reads needs one.
 */
export function isPlainRead(sql: string): boolean {
  return SELECT.test(sql) && !LOCKING.test(sql);
}

/** MikroORM's `onQuery` step that pins the current request to the primary once it has sent anything but a plain read. */
export function pinAfterWrite(sql: string): void {
  if (!isPlainRead(sql)) QueryScopes.current()?.pinToPrimary();
}

/**
 * MySQL with MikroORM's read replicas, routed by one rule: a plain read outside a transaction, in
 * a request's query scope, goes to a replica unless that request has written (or writes by its
 * method, see `QueryCountMiddleware`); everything else goes to the primary.
 *
 * MikroORM already sends the ORM's reads outside a transaction to a replica (`preferReadReplicas`)
 * and everything inside one to the transaction's connection on the primary. This driver adds the
 * "after a write" half, which MikroORM leaves to the caller, and routes `em.execute` by the same
 * rule (MikroORM always sends it to the primary).
 */
export class ReadReplicaMySqlDriver extends MySqlDriver {
  override getConnection(type: ConnectionType = 'write'): MySqlConnection {
    // outside a request's scope nothing tells whether this unit of work wrote: the primary
    if (type === 'read' && (QueryScopes.current()?.readsFromPrimary ?? true)) return super.getConnection('write');
    return super.getConnection(type);
  }

  override execute<T extends QueryResult | EntityData<AnyEntity> | EntityData<AnyEntity>[] = EntityData<AnyEntity>[]>(
    queryOrKnex: string | Knex.QueryBuilder | Knex.Raw,
    params: unknown[] = [],
    method: 'all' | 'get' | 'run' = 'all',
    ctx?: Transaction,
    loggerContext?: LoggingOptions,
  ): Promise<T> {
    if (ctx || typeof queryOrKnex !== 'string' || method === 'run' || !isPlainRead(queryOrKnex)) {
      return super.execute<T>(queryOrKnex, params, method, ctx, loggerContext);
    }
    return this.rethrow(this.getConnection('read').execute<T>(queryOrKnex, params, method, undefined, loggerContext));
  }
}
