import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import type { AbstractSqlConnection } from '@mikro-orm/knex';
import { Metrics } from './metrics.service';

/** The counters of knex's pool (tarn), read at each scrape. */
interface PoolCounters {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
  numPendingCreates(): number;
}

/**
 * The primary's connection pool, read when Prometheus scrapes: connections lent to a query or a
 * transaction (`used`), idle in the pool (`free`), and callers waiting for one (`pending`:
 * acquisitions waiting plus connections being opened). `pending` above zero for long means the
 * pool is the bottleneck, not MySQL.
 */
@Injectable()
export class DbPoolMetrics {
  constructor(metrics: Metrics, orm: MikroORM) {
    metrics.gauge({
      name: 'gym_db_pool_connections',
      help: 'Connections of the MySQL pool by state: used, free, pending (waiting for a connection)',
      labelNames: ['state'],
      collect() {
        const pool = poolOf(orm);
        if (!pool) return;
        this.set({ state: 'used' }, pool.numUsed());
        this.set({ state: 'free' }, pool.numFree());
        this.set({ state: 'pending' }, pool.numPendingAcquires() + pool.numPendingCreates());
      },
    });
  }
}

function poolOf(orm: MikroORM): PoolCounters | undefined {
  const connection = orm.em.getConnection() as unknown as AbstractSqlConnection;
  const client = connection.getKnex().client as { pool?: PoolCounters };
  return client.pool ?? undefined;
}
