import type { EntityManager } from '@mikro-orm/mysql';
import { isPlainRead } from './read-replica.driver';

interface PoolConnection {
  execute(sql: string, params: unknown[], callback: (error: Error | null, rows: unknown) => void): void;
}

export interface PreparedOptions {
  /** Never from a read replica: for a check that must see the latest write (a right, an account's state). */
  fromPrimary?: boolean;
}

/**
 * Runs a hot read's fixed SQL as a prepared statement on a connection of MikroORM's pool: the
 * server parses it once per connection and the rows come in the binary protocol. Counted by the
 * query counter like any statement (the ORM's `onQuery` hook), errors converted like the ORM's.
 * Inside a transaction it runs on the transaction's connection through `em.execute`; outside one,
 * a plain read goes to a read replica when there are any (`ReadReplicaMySqlDriver` decides: the
 * primary once the request has written), anything else to the primary.
 */
export async function executePrepared<Row>(
  em: EntityManager,
  sql: string,
  params: unknown[],
  options: PreparedOptions = {},
): Promise<Row[]> {
  if (em.getTransactionContext()) return em.execute<Row[]>(sql, params, 'all');
  // without replicas 'read' is the primary too: spare the hot path the classification
  const replicated = (em.config.get('replicas')?.length ?? 0) > 0;
  const connection = em.getConnection(replicated && !options.fromPrimary && isPlainRead(sql) ? 'read' : 'write');
  em.config.get('onQuery')(sql, params);
  const client = connection.getKnex().client as {
    acquireConnection(): Promise<PoolConnection>;
    releaseConnection(connection: PoolConnection): Promise<unknown>;
  };
  const pooled = await client.acquireConnection();
  try {
    return await new Promise<Row[]>((resolve, reject) =>
      pooled.execute(sql, params, (error, rows) => (error ? reject(error) : resolve(rows as Row[]))),
    );
  } catch (error) {
    throw em.getDriver().convertException(error as Error);
  } finally {
    void client.releaseConnection(pooled);
  }
}
