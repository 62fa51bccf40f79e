import { Command, CommandRunner } from 'nest-commander';
import { DatabaseMigrator, retryWhileDatabaseUnavailable } from '@app/core';

@Command({ name: 'migrate', description: 'Create the database when missing and apply pending migrations' })
export class MigrateCommand extends CommandRunner {
  constructor(private readonly migrator: DatabaseMigrator) {
    super();
  }

  async run(): Promise<void> {
    const applied = await retryWhileDatabaseUnavailable(() => this.migrator.migrate(), { log: (line) => console.log(line) });
    console.log(applied.length ? `Applied ${applied.join(', ')}` : 'Already up to date');
  }
}
