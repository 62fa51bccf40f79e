import { Injectable } from '@nestjs/common';
import {
  collectDefaultMetrics,
  Counter,
  type CounterConfiguration,
  Gauge,
  type GaugeConfiguration,
  Histogram,
  type HistogramConfiguration,
  Registry,
} from 'prom-client';
import { clusterMetricsText, inClusterWorker, shareWithClusterPrimary } from './cluster-metrics';

/**
 * The process's Prometheus registry: one per app, not prom-client's global one, so the test files
 * that build several apps in one process never see "metric already registered". Each library
 * declares its own metrics here through the three factories; `GET /metrics` (the API) and the
 * worker's metrics listener render it. Node's default process metrics are included. In one of
 * several API processes on one port, the text is that of them all (cluster-metrics.ts).
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    if (inClusterWorker()) shareWithClusterPrimary(this.registry);
  }

  counter<L extends string>(config: Omit<CounterConfiguration<L>, 'registers'>): Counter<L> {
    return new Counter({ ...config, registers: [this.registry] });
  }

  gauge<L extends string>(config: Omit<GaugeConfiguration<L>, 'registers'>): Gauge<L> {
    return new Gauge({ ...config, registers: [this.registry] });
  }

  histogram<L extends string>(config: Omit<HistogramConfiguration<L>, 'registers'>): Histogram<L> {
    return new Histogram({ ...config, registers: [this.registry] });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** The exposition text; gauges with a `collect` (pool, queues, index) read their source now. */
  text(): Promise<string> {
    return inClusterWorker() ? clusterMetricsText() : this.registry.metrics();
  }
}
