import { Module } from '@nestjs/common';
import { ConfigModule, DatabaseMigrator, DatabaseModule } from '@app/core';
import { FeedDemoModule } from '@app/feed';
import { GymDemoModule, GymModule } from '@app/gym';
import { IdentityModule } from '@app/identity';
import { PollDemoModule } from '@app/poll';
import { RecommendBuilderModule } from '@app/recommend';
import { ReleaseDemoModule } from '@app/release';
import { CliProgram } from './cli-program';
import { CreateDefaultUserCommand } from './commands/create-default-user.command';
import { ExpireCreditsCommand } from './commands/expire-credits.command';
import { MigrateCommand } from './commands/migrate.command';
import { RebuildIndexCommand } from './commands/rebuild-index.command';
import { SeedDemoCommand } from './commands/seed-demo.command';
import { WaitForDbCommand } from './commands/wait-for-db.command';

/**
 * The admin CLI. The ORM connects on demand (wait-for-db runs before MySQL is up), and no queue
 * module is imported, so the process exits when its command is done.
 */
@Module({
  imports: [
    ConfigModule,
    DatabaseModule.forRoot({ connect: false }),
    IdentityModule,
    GymModule,
    GymDemoModule,
    FeedDemoModule,
    PollDemoModule,
    ReleaseDemoModule,
    RecommendBuilderModule,
  ],
  providers: [
    CliProgram,
    DatabaseMigrator,
    WaitForDbCommand,
    MigrateCommand,
    CreateDefaultUserCommand,
    ExpireCreditsCommand,
    SeedDemoCommand,
    RebuildIndexCommand,
  ],
})
export class CliModule {}
