import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import type { Migrator } from '@mikro-orm/migrations';

/** Applies the committed migrations, creating the database first when it is missing. */
@Injectable()
export class DatabaseMigrator {
  constructor(private readonly orm: MikroORM) {}

  /** Returns the names of the migrations applied now (empty when already up to date). */
  async migrate(): Promise<string[]> {
    if (!(await this.orm.isConnected())) await this.orm.connect();
    await this.orm.schema.ensureDatabase();
    const applied = await this.orm.getMigrator<Migrator>().up();
    return applied.map((migration) => migration.name);
  }

  async pending(): Promise<string[]> {
    const pending = await this.orm.getMigrator<Migrator>().getPendingMigrations();
    return pending.map((migration) => migration.name);
  }
}
