import type { INestApplication, ModuleMetadata } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { MikroORM } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/mysql';
import { Clock } from '../../core/src/time/clock';
import { AppModule } from '../../../apps/api/src/app.module';
import { APP_OPTIONS, configureApp } from '../../../apps/api/src/configure-app';

export interface TestAppOptions {
  /** Extra controllers or modules a test needs next to the real app (e.g. a probe controller). */
  controllers?: ModuleMetadata['controllers'];
  imports?: ModuleMetadata['imports'];
  providers?: ModuleMetadata['providers'];
  /** Replaces the app's clock, so a test can stand on a chosen day. */
  clock?: Clock;
  /** Other providers to replace, by token. */
  overrides?: [token: unknown, value: unknown][];
}

/** The real API module, configured exactly as main.ts does, on this worker's database. */
export async function createTestApp(options: TestAppOptions = {}): Promise<INestApplication> {
  const builder = Test.createTestingModule({
    imports: [AppModule, ...(options.imports ?? [])],
    controllers: options.controllers ?? [],
    providers: options.providers ?? [],
  });
  if (options.clock) builder.overrideProvider(Clock).useValue(options.clock);
  for (const [token, value] of options.overrides ?? []) builder.overrideProvider(token).useValue(value);
  const moduleRef = await builder.compile();
  const app = configureApp(moduleRef.createNestApplication<NestExpressApplication>({ ...APP_OPTIONS, logger: ['error', 'warn'] }));
  await app.init();
  return app;
}

/**
 * Empties every table but the migrations' own. Foreign-key checks are off for the one
 * connection the transaction holds; DELETE is much faster than TRUNCATE on small InnoDB tables.
 */
export async function resetDatabase(app: INestApplication): Promise<void> {
  const em = app.get(MikroORM).em.fork() as EntityManager;
  await em.transactional(async (tx) => {
    const tables = await tx.execute<{ name: string }[]>(
      `select table_name as name from information_schema.tables
        where table_schema = database() and table_type = 'BASE TABLE' and table_name <> 'mikro_orm_migrations'`,
    );
    await tx.execute('set foreign_key_checks = 0');
    for (const { name } of tables) await tx.execute(`delete from \`${name}\``);
    await tx.execute('set foreign_key_checks = 1');
  });
}

/** An EntityManager of its own, for factories and assertions outside a request. */
export function forkEm(app: INestApplication): EntityManager {
  return app.get(MikroORM).em.fork() as EntityManager;
}
