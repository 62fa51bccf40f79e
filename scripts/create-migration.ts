/**
 * Development tool: diffs the entities against the database named by DATABASE_URL and writes
 * a migration to libs/core/src/database/migrations. Register it in migrations/index.ts.
 *   npm run migration:create -- <name>
 */
import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/core';
import type { Migrator } from '@mikro-orm/migrations';
import { DatabaseMigrator, createOrmOptions, loadConfig, loadDotEnv } from '@app/core';

async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  const orm = await MikroORM.init({
    ...createOrmOptions(config),
    entities: ['libs/*/src/**/*.entity.ts'],
  });
  try {
    await new DatabaseMigrator(orm).migrate();
    const name = process.argv[2];
    const result = await orm.getMigrator<Migrator>().createMigration(undefined, false, false, name);
    console.log(result.fileName ? `Wrote ${result.fileName}` : 'No changes: the schema matches the entities');
  } finally {
    await orm.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
