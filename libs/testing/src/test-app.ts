import type { INestApplication, INestApplicationContext, ModuleMetadata, NestApplicationOptions, Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { MikroORM } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/mysql';
import { Clock, RedisConnection } from '@app/core';
import { RATE_LIMIT_KEY_PREFIX } from '@app/identity';

/** What an app exports for its tests: its root module and the set-up its main.ts applies. */
export interface AppComposition {
  module: Type<unknown>;
  options: NestApplicationOptions;
  configure: (app: NestExpressApplication) => NestExpressApplication;
}

let appUnderTest: (() => Promise<AppComposition>) | undefined;

/**
 * Names the app that `createTestApp` builds. The app registers itself from a Jest setup file
 * (`apps/api/test/app-under-test.ts`), so this library never imports an app. The loader runs only
 * when a test file creates an app, so unit specs do not load the whole API.
 */
export function registerAppUnderTest(load: () => Promise<AppComposition>): void {
  appUnderTest = load;
}

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

/** The real app, configured exactly as its main.ts does, on this worker's database. */
export async function createTestApp(options: TestAppOptions = {}): Promise<INestApplication> {
  if (!appUnderTest) throw new Error('No app under test: register one with registerAppUnderTest() in a Jest setup file');
  const { module, options: appOptions, configure } = await appUnderTest();
  const builder = Test.createTestingModule({
    imports: [module, ...(options.imports ?? [])],
    controllers: options.controllers ?? [],
    providers: options.providers ?? [],
  });
  if (options.clock) builder.overrideProvider(Clock).useValue(options.clock);
  for (const [token, value] of options.overrides ?? []) builder.overrideProvider(token).useValue(value);
  const moduleRef = await builder.compile();
  const app = configure(moduleRef.createNestApplication<NestExpressApplication>({ ...appOptions, logger: ['error', 'warn'] }));
  await app.init();
  return app;
}

/**
 * Empties every table but the migrations' own. Foreign-key checks are off for the one
 * connection the transaction holds; DELETE is much faster than TRUNCATE on small InnoDB tables.
 */
export async function resetDatabase(app: INestApplicationContext): Promise<void> {
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
  await forgetRateLimits(app);
}

/**
 * Deletes the login and sign-up counters from this worker's Redis db: they live in Redis, not in
 * the app, so without this one test's attempts would count against the next test's limit.
 */
async function forgetRateLimits(app: INestApplicationContext): Promise<void> {
  let redis: RedisConnection;
  try {
    redis = app.get(RedisConnection, { strict: false });
  } catch {
    return; // an app without Redis has no counters
  }
  const up = await redis.ping(2_000).then(
    () => true,
    () => false,
  );
  if (!up) return; // a test with Redis stopped on purpose
  const keys = await redis.client.keys(`{${RATE_LIMIT_KEY_PREFIX}*`);
  if (keys.length > 0) await redis.client.del(...keys);
}

/** An EntityManager of its own, for factories and assertions outside a request. */
export function forkEm(app: INestApplication): EntityManager {
  return app.get(MikroORM).em.fork() as EntityManager;
}
