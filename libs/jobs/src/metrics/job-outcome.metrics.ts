import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bull';
import type { Job, Queue } from 'bull';
import { Metrics } from '@app/core';
import { EMAIL_QUEUE, MAINTENANCE_QUEUE } from '../queues';

/** Seconds: maintenance jobs take milliseconds to a minute, a mailing to a list longer. */
const DURATION_BUCKETS = [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300, 900];

/**
 * The worker's counts of the jobs it ran, from the queues' local events (jobs this process
 * processed): completed, failed attempts (a job retried three times counts three), and how long
 * each attempt ran, by queue and job name (a handful of fixed names, so the labels stay few).
 */
@Injectable()
export class JobOutcomeMetrics implements OnApplicationShutdown {
  private readonly queues: Queue[];
  private readonly onCompleted: (job: Job) => void;
  private readonly onFailed: (job: Job) => void;

  constructor(metrics: Metrics, @InjectQueue(EMAIL_QUEUE) email: Queue, @InjectQueue(MAINTENANCE_QUEUE) maintenance: Queue) {
    this.queues = [email, maintenance];
    const labelNames = ['queue', 'name'] as const;
    const completed = metrics.counter({ name: 'gym_worker_jobs_completed_total', help: 'Jobs this worker completed', labelNames });
    const failed = metrics.counter({
      name: 'gym_worker_jobs_failed_total',
      help: 'Job attempts that failed in this worker (retries count each)',
      labelNames,
    });
    const duration = metrics.histogram({
      name: 'gym_worker_job_duration_seconds',
      help: 'Time one attempt of a job ran, completed or failed',
      labelNames: ['queue', 'name', 'outcome'],
      buckets: DURATION_BUCKETS,
    });
    const observe = (job: Job, outcome: 'completed' | 'failed') => {
      const labels = { queue: job.queue.name, name: job.name };
      (outcome === 'completed' ? completed : failed).inc(labels);
      if (job.processedOn && job.finishedOn) duration.observe({ ...labels, outcome }, (job.finishedOn - job.processedOn) / 1000);
    };
    this.onCompleted = (job) => observe(job, 'completed');
    this.onFailed = (job) => observe(job, 'failed');
    for (const queue of this.queues) {
      queue.on('completed', this.onCompleted);
      queue.on('failed', this.onFailed);
    }
  }

  onApplicationShutdown(): void {
    for (const queue of this.queues) {
      queue.off('completed', this.onCompleted);
      queue.off('failed', this.onFailed);
    }
  }
}
