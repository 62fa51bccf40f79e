import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bull';
import type { Job, JobStatus, Queue } from 'bull';
import { NotFoundError } from '@app/core';
import { QueueUnavailableError } from '../jobs.errors';
import { TASK_QUEUES, type TaskQueue } from '../queues';

export type TaskState = 'waiting' | 'active' | 'delayed' | 'completed' | 'failed';

export interface TaskStatus {
  id: string;
  queue: TaskQueue;
  state: TaskState;
  progress: number;
  attempts: number;
  result: unknown;
  error: string | null;
}

/** A job as `GET /tasks/:id` and `GET /tasks` show it, in the state read for it. */
export function taskStatusOf(queue: TaskQueue, job: Job, state: TaskState): TaskStatus {
  const progress = job.progress() as unknown;
  return {
    id: String(job.id),
    queue,
    state,
    progress: typeof progress === 'number' ? progress : 0,
    // Bull counts failed attempts; the one that completed (or is running) is an attempt too
    attempts: job.attemptsMade + (state === 'completed' || state === 'active' ? 1 : 0),
    result: state === 'completed' ? (job.returnvalue ?? null) : null,
    error: job.failedReason ?? null,
  };
}

const STATE: Record<JobStatus | 'stuck', TaskState> = {
  waiting: 'waiting',
  paused: 'waiting',
  stuck: 'waiting',
  active: 'active',
  delayed: 'delayed',
  completed: 'completed',
  failed: 'failed',
};

/** Reads a job's status from the queue its id names. Unknown or cleaned-up ids are 404. */
@Injectable()
export class TaskService {
  constructor(private readonly modules: ModuleRef) {}

  async get(taskId: string): Promise<TaskStatus> {
    const queueName = TASK_QUEUES.find((name) => taskId.startsWith(`${name}-`));
    if (!queueName) throw new NotFoundError('Task', taskId);
    const queue = this.modules.get<Queue>(getQueueToken(queueName), { strict: false });
    if (queue.client.status !== 'ready') throw new QueueUnavailableError();
    let job = await queue.getJob(taskId);
    if (!job) throw new NotFoundError('Task', taskId);
    const state = STATE[(await job.getState()) as JobStatus | 'stuck'] ?? 'waiting';
    // The job may have finished between the two reads: read a finished job again, so that its
    // attempts, result and error are the final ones.
    if (state === 'completed' || state === 'failed') job = (await queue.getJob(taskId)) ?? job;
    return taskStatusOf(queueName, job, state);
  }
}
