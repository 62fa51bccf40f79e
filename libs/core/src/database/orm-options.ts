import { Logger } from '@nestjs/common';
import { Migrator } from '@mikro-orm/migrations';
import { MySqlDriver } from '@mikro-orm/mysql';
import type { Options } from '@mikro-orm/core';
import type { AppConfig } from '../config/app-config';
import { createQueryObserver } from '../query-count/query-observer';
import { migrationsList } from './migrations';

export interface OrmConnectionOptions {
  /** Connect (and create the database when missing) at start. The CLI connects on demand. */
  connect?: boolean;
}

const ormLogger = new Logger('MikroORM');

/** The one MikroORM configuration every process uses. */
export function createOrmOptions(config: AppConfig, options: OrmConnectionOptions = {}): Options<MySqlDriver> {
  return {
    driver: MySqlDriver,
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
    onQuery: createQueryObserver({ threshold: config.diagnostics.nPlusOneThreshold, mode: config.diagnostics.nPlusOneMode }),
  };
}
