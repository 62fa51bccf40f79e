// Jest's moduleNameMapper does not apply to a global setup: resolve the @app/* paths from tsconfig.json.
import 'tsconfig-paths/register';
import 'reflect-metadata';
import { MetadataStorage } from '@mikro-orm/core';
import { createConnection } from 'mysql2/promise';
import { migrateDatabase } from './migrate-database';
import { TEST_DATABASE_PREFIX, testDatabaseUrl, testServerUrl } from './test-databases';

/** Recreates one database per Jest worker and migrates it once, before any test file runs. */
export default async function globalSetup(globalConfig: { maxWorkers: number }): Promise<void> {
  const workers = Math.max(1, globalConfig.maxWorkers);
  const server = new URL(testServerUrl());
  const admin = await createConnection({
    host: server.hostname,
    port: Number(server.port || 3306),
    user: decodeURIComponent(server.username) || 'root',
    password: decodeURIComponent(server.password),
  });
  try {
    for (let worker = 1; worker <= workers; worker++) {
      await admin.query(`DROP DATABASE IF EXISTS \`${TEST_DATABASE_PREFIX}${worker}\``);
    }
  } finally {
    await admin.end();
  }
  await Promise.all(Array.from({ length: workers }, (_, index) => migrateDatabase(testDatabaseUrl(index + 1))));
  // A single test file runs in this same process (in band): leave MikroORM's process-wide entity
  // registry as we found it, or the test's own entity classes meet this setup's copies.
  MetadataStorage.clear();
}
