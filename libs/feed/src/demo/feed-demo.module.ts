import { Module } from '@nestjs/common';
import { FeedModule } from '../feed.module';
import { FeedDemoSeeder } from './feed-demo-seeder';

/** The demo feed. Imported by the CLI and the tests, never by the API or the worker. */
@Module({
  imports: [FeedModule],
  providers: [FeedDemoSeeder],
  exports: [FeedDemoSeeder],
})
export class FeedDemoModule {}
