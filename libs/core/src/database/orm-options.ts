import { Logger } from '@nestjs/common';
import { Migrator } from '@mikro-orm/migrations';
import { MySqlDriver } from '@mikro-orm/mysql';
import type { Options } from '@mikro-orm/core';
import type { AppConfig } from '../config/app-config';
import { createQueryObserver } from '../query-count/query-observer';
import { migrationsList } from './migrations';
import { pinAfterWrite, ReadReplicaMySqlDriver } from './read-replica.driver';

export interface OrmConnectionOptions {
  /** Connect (and create the database when missing) at start. The CLI connects on demand. */
  connect?: boolean;
  /** Send plain reads to `DATABASE_REPLICA_URLS` (the API only: the worker's and the CLI's reads feed decisions). */
  readReplicas?: boolean;
}

const ormLogger = new Logger('MikroORM');

/** The one MikroORM configuration every process uses. */
export function createOrmOptions(config: AppConfig, options: OrmConnectionOptions = {}): Options<MySqlDriver> {
  const observe = createQueryObserver({ threshold: config.diagnostics.nPlusOneThreshold, mode: config.diagnostics.nPlusOneMode });
  const replicaUrls = options.readReplicas ? config.db.replicaUrls : [];
  return {
    driver: MySqlDriver,
    ...(replicaUrls.length > 0 && {
      driver: ReadReplicaMySqlDriver,
      replicas: replicaUrls.map((clientUrl, index) => ({ name: `replica-${index + 1}`, clientUrl })),
      preferReadReplicas: true,
    }),
    clientUrl: config.db.url,
    connect: options.connect ?? true,
    ensureDatabase: true,
    timezone: '+00:00',
    forceUtcTimezone: true,
    allowGlobalContext: false,
    pool: { min: 0, max: 10 },
    debug: false,
    // the migrator's lines (and any the ORM writes) go through the process's logger, in its format
    logger: (message) => ormLogger.log(message),
    colors: false,
    extensions: [Migrator],
    migrations: {
      migrationsList,
      tableName: 'mikro_orm_migrations',
      pathTs: 'libs/core/src/database/migrations',
      path: 'libs/core/src/database/migrations',
      // MySQL commits DDL implicitly, so a migration cannot be wrapped in a transaction
      transactional: false,
      allOrNothing: false,
      snapshot: false,
      emit: 'ts',
    },
    onQuery:
      replicaUrls.length > 0
        ? (sql, params) => {
            pinAfterWrite(sql);
            return observe(sql, params);
          }
        : observe,
  };
}
