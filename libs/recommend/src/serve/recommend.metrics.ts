import { Injectable } from '@nestjs/common';
import type { Histogram } from 'prom-client';
import { Metrics } from '@app/core';
import { FeedIndexStore } from './feed-index.store';

/** Seconds; the exact scan takes about 0.3 ms per thousand items per thread. */
const SEARCH_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1];

/**
 * The index the API serves (items, bytes in memory, when it was built), read at each scrape, and
 * the time each search takes in the thread pool, queueing for a thread included (what a request
 * waits for), not the loading of the items that follows.
 */
@Injectable()
export class RecommendMetrics {
  readonly searchSeconds: Histogram<'outcome'>;

  constructor(metrics: Metrics, store: FeedIndexStore) {
    metrics.gauge({
      name: 'gym_recommend_index_items',
      help: 'Items in the recommendation index this process serves (0 before the first build)',
      // every process maps the same file: the cluster's value is any one of theirs, not their sum
      aggregator: 'max',
      collect() {
        this.set(store.current()?.layout.count ?? 0);
      },
    });
    metrics.gauge({
      name: 'gym_recommend_index_bytes',
      help: 'Size of the recommendation index in memory, in bytes',
      aggregator: 'max',
      collect() {
        this.set(store.current()?.layout.byteLength ?? 0);
      },
    });
    metrics.gauge({
      name: 'gym_recommend_index_built_timestamp_seconds',
      help: 'When the served index was built (Unix time; 0 before the first build)',
      aggregator: 'max',
      collect() {
        this.set((store.current()?.layout.builtAt ?? 0) / 1000);
      },
    });
    this.searchSeconds = metrics.histogram({
      name: 'gym_recommend_search_seconds',
      help: 'Time one similarity search took in the thread pool, by outcome (found, not-indexed)',
      labelNames: ['outcome'],
      buckets: SEARCH_BUCKETS,
    });
  }
}
