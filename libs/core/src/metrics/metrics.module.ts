import { Global, Module } from '@nestjs/common';
import { DbPoolMetrics } from './db-pool.metrics';
import { Metrics } from './metrics.service';
import { MetricsServer } from './metrics-server';

/**
 * The app's Prometheus registry, global so each library can declare its own metrics, with the
 * MySQL pool's. The API serves it at `GET /metrics` (`MetricsApiModule`), the worker on its own
 * port (`MetricsServer`).
 */
@Global()
@Module({
  providers: [Metrics, DbPoolMetrics, MetricsServer],
  exports: [Metrics, MetricsServer],
})
export class MetricsModule {}
