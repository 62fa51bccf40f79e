import { Module } from '@nestjs/common';
import { FeedModule } from '@app/feed';
import { FeedIndexBuilder } from './build/feed-index.builder';

/** Builds the index file. For the worker and the CLI: no threads, no watcher, no HTTP. */
@Module({
  imports: [FeedModule],
  providers: [FeedIndexBuilder],
  exports: [FeedIndexBuilder],
})
export class RecommendBuilderModule {}
