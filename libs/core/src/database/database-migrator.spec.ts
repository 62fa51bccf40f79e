import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/mysql';
import { TEST_DATABASE_PREFIX, testServerUrl } from '@app/testing';
import { loadConfig } from '../config/app-config';
import { DatabaseMigrator } from './database-migrator';
import { createOrmOptions } from './orm-options';

// Several API containers starting at once each migrate the same database before they serve.
describe('DatabaseMigrator: several processes starting at once', () => {
  const databaseUrl = `${testServerUrl()}/${TEST_DATABASE_PREFIX}migrate_race_${process.env.JEST_WORKER_ID ?? 0}`;
  const orms: MikroORM[] = [];

  const openOrm = async () => {
    const orm = await MikroORM.init({
      ...createOrmOptions(loadConfig({ NODE_ENV: 'test', DATABASE_URL: databaseUrl })),
      logger: () => undefined,
      entities: [],
      discovery: { warnWhenNoEntities: false },
    });
    orms.push(orm);
    return orm;
  };

  beforeAll(async () => {
    const orm = await openOrm();
    await orm.schema.ensureDatabase();
    await (orm.em as EntityManager).getKnex().raw(`DROP DATABASE IF EXISTS \`${orm.config.get('dbName')}\``);
  });

  afterAll(async () => {
    const [first] = orms;
    await (first.em as EntityManager).getKnex().raw(`DROP DATABASE IF EXISTS \`${first.config.get('dbName')}\``);
    await Promise.all(orms.map((orm) => orm.close()));
  });

  it('apply every migration exactly once: one process applies them, the others wait for it and find nothing pending', async () => {
    const migrators: DatabaseMigrator[] = [];
    for (let i = 0; i < 3; i++) migrators.push(new DatabaseMigrator(await openOrm()));
    const results = await Promise.allSettled(migrators.map((migrator) => migrator.migrate()));

    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    const applied = results.map((result) => (result.status === 'fulfilled' ? result.value : []));
    const committed = readdirSync(join(__dirname, 'migrations'))
      .filter((file) => /^Migration.*\.ts$/.test(file))
      .map((file) => file.replace(/\.ts$/, ''));
    expect(applied.filter((names) => names.length)).toHaveLength(1);
    expect(applied.flat().sort()).toEqual(committed.sort());
    expect(await migrators[1].pending()).toEqual([]);
    const [rows] = (await (orms[1].em as EntityManager).getKnex().raw('SELECT COUNT(*) AS n FROM mikro_orm_migrations')) as [
      [{ n: number }],
    ];
    expect(Number(rows[0].n)).toBe(committed.length);
  });
});
