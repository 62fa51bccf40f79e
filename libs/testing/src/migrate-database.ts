import { MikroORM } from '@mikro-orm/core';
import { createOrmOptions, DatabaseMigrator, loadConfig } from '@app/core';

/** Applies every migration to the database at `databaseUrl`, quietly (the migrator's progress lines would fill the test output). */
export async function migrateDatabase(databaseUrl: string): Promise<void> {
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: databaseUrl });
  const orm = await MikroORM.init({
    ...createOrmOptions(config),
    logger: () => undefined,
    entities: [],
    discovery: { warnWhenNoEntities: false },
  });
  try {
    await new DatabaseMigrator(orm).migrate();
  } finally {
    await orm.close();
  }
}
