import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@app/core';
import { type FeedView, FeedService } from '@app/feed';
import type { LoadedIndex } from './index-file/index-file.reader';
import { IndexNotReadyError, NotIndexedError } from './recommend.errors';
import { FeedIndexStore } from './serve/feed-index.store';
import { RecommendMetrics } from './serve/recommend.metrics';
import { SearchThreadPool } from './serve/search-thread.pool';

export interface SimilarFeed {
  view: FeedView;
  score: number;
}

/** Neighbours asked of the index beyond `limit`, to make up for items deleted since the rebuild. */
const SPARE = 5;

/**
 * Items like a given one, from the recommendation index. The search runs on the HNSW graph, or
 * for a small corpus as an exact scan in the thread pool; the
 * items are then loaded with their authors and the viewer's likes and joins in two statements,
 * however many there are. Items deleted since the last rebuild drop out.
 */
@Injectable()
export class SimilarFeedService {
  constructor(
    private readonly store: FeedIndexStore,
    private readonly pool: SearchThreadPool,
    private readonly feeds: FeedService,
    private readonly metrics: RecommendMetrics,
  ) {}

  async similar(viewerId: number, feedId: number, limit: number): Promise<SimilarFeed[]> {
    const index = this.store.current();
    if (!index) throw (await this.feeds.exists(feedId)) ? new IndexNotReadyError() : new NotFoundError('Feed', feedId);
    const stopTimer = this.metrics.searchSeconds.startTimer();
    // the graph answers synchronously (well under a millisecond); the exact scan goes to a thread
    const outcome = index.ann
      ? index.ann.search(feedId, limit + SPARE)
      : await this.pool.search(index.exact as LoadedIndex, feedId, limit + SPARE);
    stopTimer({ outcome: outcome.status });
    if (outcome.status === 'not-indexed')
      throw (await this.feeds.exists(feedId)) ? new NotIndexedError(feedId) : new NotFoundError('Feed', feedId);
    const views = await this.feeds.viewsByIds(viewerId, [feedId, ...outcome.neighbours.map((neighbour) => neighbour.id)]);
    if (!views.has(feedId)) throw new NotFoundError('Feed', feedId);
    return outcome.neighbours
      .flatMap((neighbour) => {
        const view = views.get(neighbour.id);
        return view ? [{ view, score: neighbour.score }] : [];
      })
      .slice(0, limit);
  }
}
