import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/mysql';
import type { Migrator } from '@mikro-orm/migrations';

/** How long a start waits for another process's migrations before it gives up. */
export const MIGRATION_LOCK_TIMEOUT_SECONDS = 600;

/**
 * Applies the committed migrations, creating the database first when it is missing.
 *
 * Several API containers start at once (compose's `deploy.replicas`, a Kubernetes rollout), and
 * each migrates before it serves. The migrator itself takes no lock, so two of them would both
 * find a migration pending and the second would fail on a table the first just made. MySQL's
 * named lock (`GET_LOCK`, held by one session, released when it ends even if the process dies)
 * makes them take turns: the first applies, the others wait, then find nothing pending.
 */
@Injectable()
export class DatabaseMigrator {
  constructor(private readonly orm: MikroORM) {}

  /** Returns the names of the migrations applied now (empty when already up to date). */
  async migrate(): Promise<string[]> {
    if (!(await this.orm.isConnected())) await this.orm.connect();
    await this.orm.schema.ensureDatabase();
    return this.whileLocked(async () => {
      const applied = await this.orm.getMigrator<Migrator>().up();
      return applied.map((migration) => migration.name);
    });
  }

  async pending(): Promise<string[]> {
    const pending = await this.orm.getMigrator<Migrator>().getPendingMigrations();
    return pending.map((migration) => migration.name);
  }

  /** Runs `work` while this process holds the database's migration lock, on a session of its own. */
  private async whileLocked<T>(work: () => Promise<T>): Promise<T> {
    const knex = (this.orm.em as EntityManager).getKnex();
    const name = `${this.orm.config.get('dbName')}.migrations`;
    const session: unknown = await knex.client.acquireConnection();
    try {
      const [[{ granted }]] = (await knex
        .raw('SELECT GET_LOCK(?, ?) AS granted', [name, MIGRATION_LOCK_TIMEOUT_SECONDS])
        .connection(session)) as [[{ granted: number | null }]];
      if (granted !== 1)
        throw new Error(`Another process held the migration lock "${name}" for ${MIGRATION_LOCK_TIMEOUT_SECONDS} s; not migrating`);
      try {
        return await work();
      } finally {
        await knex.raw('SELECT RELEASE_LOCK(?)', [name]).connection(session);
      }
    } finally {
      await knex.client.releaseConnection(session);
    }
  }
}
