import { Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bull';
import type { Queue } from 'bull';
import { Metrics } from '@app/core';
import { EMAIL_QUEUE, MAINTENANCE_QUEUE } from '../queues';

/** The states a scrape reports; completed jobs are counted by the worker as they finish. */
const STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

/**
 * How many jobs each queue holds by state, read from Redis at each scrape (one `getJobCounts`, a
 * few O(1) commands, per queue). `failed` is the failed jobs Redis still keeps (for
 * `TASK_RETENTION_HOURS`), the number `GET /tasks/failed` pages through.
 */
@Injectable()
export class QueueDepthMetrics {
  constructor(metrics: Metrics, @InjectQueue(EMAIL_QUEUE) email: Queue, @InjectQueue(MAINTENANCE_QUEUE) maintenance: Queue) {
    const queues = [email, maintenance];
    metrics.gauge({
      name: 'gym_queue_jobs',
      help: 'Jobs in each Bull queue by state: waiting, active, delayed, failed (kept for TASK_RETENTION_HOURS)',
      // every API process reads the same Redis: the cluster's value is any one of theirs, not their sum
      aggregator: 'max',
      labelNames: ['queue', 'state'],
      async collect() {
        const counts = await Promise.all(queues.map((queue) => queue.getJobCounts()));
        queues.forEach((queue, i) => {
          for (const state of STATES) this.set({ queue: queue.name, state }, counts[i][state]);
        });
      },
    });
  }
}
