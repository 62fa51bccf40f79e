import { Module } from '@nestjs/common';
import { AppConfig } from '@app/core';
import { FeedModule } from '@app/feed';
import { SimilarFeedController } from './http/similar-feed.controller';
import { FeedIndexStore } from './serve/feed-index.store';
import { RecommendMetrics } from './serve/recommend.metrics';
import { SearchThreadPool } from './serve/search-thread.pool';
import { SimilarFeedService } from './similar-feed.service';

/** Serves `GET /feeds/:id/similar`: the index in shared memory, searched by a pool of threads. */
@Module({
  imports: [FeedModule],
  controllers: [SimilarFeedController],
  providers: [
    FeedIndexStore,
    { provide: SearchThreadPool, inject: [AppConfig], useFactory: (config: AppConfig) => new SearchThreadPool(config.recommend.threads) },
    SimilarFeedService,
    RecommendMetrics,
  ],
})
export class RecommendApiModule {}
