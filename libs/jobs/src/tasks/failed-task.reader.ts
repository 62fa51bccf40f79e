import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bull';
import type { Job, Queue } from 'bull';
import { Cursor, type Page } from '@app/core';
import { QueueUnavailableError } from '../jobs.errors';
import { TASK_QUEUES, type TaskQueue } from '../queues';
import { type TaskStatus, taskStatusOf } from './task.service';

/** A failed job as `GET /tasks?state=failed` lists it. */
export interface FailedTask extends TaskStatus {
  name: string;
  failedAt: Date;
}

/** The list's order, newest failure first: (failed at desc, queue desc, id desc). */
type SortKey = [failedAt: number, queue: string, id: string];

interface Candidate {
  key: SortKey;
  queue: TaskQueue;
  index: number;
  job: Job;
}

/**
 * The failed jobs of every queue in TASK_QUEUES, newest failure first, one keyset page at a time,
 * read with Bull's own ranges (`getFailed(start, end)`): never a whole failed set. Bull keeps a
 * queue's failed jobs in a sorted set scored by the failure time, so `getFailed` already answers
 * newest first (ties by id, descending); the page merges the queues' heads.
 *
 * The cursor holds the last item's sort key and, per queue, the index where that queue's next
 * items start. The index is only a hint: failures added since (newer, so before it) or jobs
 * retried or cleaned (removed before it) shift the set, so each queue's read steps back while the
 * item before the hint is older than the key, and drops items not older than the key. A page thus
 * never repeats an item nor skips one that was there when the first page was read.
 */
@Injectable()
export class FailedTaskReader {
  constructor(private readonly modules: ModuleRef) {}

  async page(query: { limit: number; cursor?: string }): Promise<Page<FailedTask>> {
    const queues = TASK_QUEUES.map((name) => ({ name, queue: this.modules.get<Queue>(getQueueToken(name), { strict: false }) }));
    if (queues.some(({ queue }) => queue.client.status !== 'ready')) throw new QueueUnavailableError();
    const after = query.cursor ? decodeCursor(query.cursor) : null;
    const reads = await Promise.all(
      queues.map(({ name, queue }, q) => olderThan(queue, name, after?.key ?? null, after?.offsets[q] ?? 0, query.limit + 1)),
    );
    const merged = reads.flatMap((read) => read.candidates).sort((a, b) => compare(a.key, b.key));
    const shown = merged.slice(0, query.limit);
    const items = shown.map(({ queue, job }) => ({
      ...taskStatusOf(queue, job, 'failed'),
      name: job.name,
      failedAt: new Date(job.finishedOn ?? job.processedOn ?? job.timestamp),
    }));
    if (merged.length <= query.limit || shown.length === 0) return { items, nextCursor: null };
    const offsets = queues.map(({ name }, q) => {
      const last = shown.filter((candidate) => candidate.queue === name).pop();
      return last ? last.index + 1 : reads[q].start;
    });
    return { items, nextCursor: Cursor.encode([...shown[shown.length - 1].key, ...offsets]) };
  }
}

function keyOf(queue: TaskQueue, job: Job): SortKey {
  return [job.finishedOn ?? job.processedOn ?? job.timestamp, queue, String(job.id)];
}

/** Negative when `a` comes first in the list (it failed later). */
function compare(a: SortKey, b: SortKey): number {
  if (a[0] !== b[0]) return b[0] - a[0];
  if (a[1] !== b[1]) return a[1] < b[1] ? 1 : -1;
  return a[2] === b[2] ? 0 : a[2] < b[2] ? 1 : -1;
}

function decodeCursor(cursor: string): { key: SortKey; offsets: number[] } {
  const decoded = Cursor.decode<(string | number)[]>(cursor, ['number', 'string', 'string', ...TASK_QUEUES.map(() => 'number' as const)]);
  const [failedAt, queue, id, ...offsets] = decoded as [number, string, string, ...number[]];
  return { key: [failedAt, queue, id], offsets: offsets.map((offset) => Math.max(0, Math.floor(offset))) };
}

/**
 * Up to `count` failed jobs of one queue that come after `key` in the list, with their indexes in
 * the failed set, reading `count` at a time from the hint; `start` is where the first of them is
 * (or the end of the set).
 */
async function olderThan(
  queue: Queue,
  name: TaskQueue,
  key: SortKey | null,
  hint: number,
  count: number,
): Promise<{ candidates: Candidate[]; start: number }> {
  const isAfter = (job: Job | null) => key === null || (job !== null && compare(keyOf(name, job), key) > 0);
  let offset = key === null ? 0 : hint;
  // back: jobs before the hint were retried or cleaned since the last page (a missing job reads as null)
  while (offset > 0) {
    const [before] = await queue.getFailed(offset - 1, offset - 1);
    if (before && !isAfter(before)) break;
    offset = Math.max(0, offset - count);
  }
  const candidates: Candidate[] = [];
  let start: number | null = null;
  while (candidates.length < count) {
    const batch = await queue.getFailed(offset, offset + count - 1);
    batch.forEach((job, i) => {
      if (!job || !isAfter(job)) return;
      start ??= offset + i;
      if (candidates.length < count) candidates.push({ key: keyOf(name, job), queue: name, index: offset + i, job });
    });
    offset += batch.length;
    if (batch.length < count) break;
  }
  return { candidates, start: start ?? offset };
}
