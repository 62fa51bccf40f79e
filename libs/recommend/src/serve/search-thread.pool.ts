import type { OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Worker } from 'node:worker_threads';
import type { LoadedIndex } from '../index-file/index-file.reader';
import type { SearchOutcome, SearchReply, SearchRequest } from './search.protocol';
import { SEARCH_THREAD_SOURCE } from './search-thread.source';

interface Task {
  request: SearchRequest;
  resolve: (outcome: SearchOutcome) => void;
  reject: (error: Error) => void;
}

interface Thread {
  worker: Worker;
  task: Task | null;
  searches: number;
  online: boolean;
}

export class SearchPoolClosedError extends Error {
  constructor() {
    super('The search thread pool is closed');
    this.name = 'SearchPoolClosedError';
  }
}

/**
 * A fixed number of `worker_threads` that run similarity searches off the event loop. Each task
 * carries the index's `SharedArrayBuffer`; posting one shares the memory, so every thread reads the
 * same single copy, and a task keeps its index alive until it is done even when the API has
 * swapped to a newer one meanwhile. Tasks queue FIFO until a thread is free; a thread that dies
 * fails its task and is replaced.
 */
export class SearchThreadPool implements OnModuleInit, OnApplicationShutdown {
  private threads: Thread[] = [];
  private readonly queue: Task[] = [];
  private nextTaskId = 1;
  private closing = false;

  constructor(readonly size: number) {}

  async start(): Promise<void> {
    await Promise.all(Array.from({ length: this.size }, () => this.spawn()));
  }

  onModuleInit(): Promise<void> {
    return this.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.close();
  }

  search(index: LoadedIndex, feedId: number, limit: number): Promise<SearchOutcome> {
    if (this.closing) return Promise.reject(new SearchPoolClosedError());
    if (this.threads.length === 0)
      return Promise.reject(new Error('The search thread pool has no threads (not started, or they failed to start)'));
    const { buffer, layout } = index;
    return new Promise<SearchOutcome>((resolve, reject) => {
      const request: SearchRequest = {
        taskId: this.nextTaskId++,
        buffer,
        dimension: layout.dimension,
        count: layout.count,
        idsOffset: layout.idsOffset,
        matrixOffset: layout.matrixOffset,
        feedId,
        limit,
      };
      this.queue.push({ request, resolve, reject });
      this.dispatch();
    });
  }

  /** Searches each thread has finished, for diagnostics and the memory benchmark. */
  searchesPerThread(): number[] {
    return this.threads.map((thread) => thread.searches);
  }

  async close(): Promise<void> {
    this.closing = true;
    for (const task of this.queue.splice(0)) task.reject(new SearchPoolClosedError());
    const threads = this.threads;
    this.threads = [];
    await Promise.all(threads.map((thread) => thread.worker.terminate()));
    for (const thread of threads) thread.task?.reject(new SearchPoolClosedError());
  }

  private dispatch(): void {
    for (const thread of this.threads) {
      if (this.queue.length === 0) return;
      if (thread.task) continue;
      const task = this.queue.shift() as Task;
      thread.task = task;
      thread.worker.postMessage(task.request);
    }
  }

  private spawn(): Promise<void> {
    // execArgv: [] so a thread does not inherit preloads such as ts-node: its program is plain JS
    const worker = new Worker(SEARCH_THREAD_SOURCE, { eval: true, execArgv: [] });
    const thread: Thread = { worker, task: null, searches: 0, online: false };
    this.threads.push(thread);
    worker.on('message', (reply: SearchReply) => {
      const task = thread.task;
      thread.task = null;
      thread.searches += 1;
      if (task) {
        if ('error' in reply) task.reject(new Error(`Search failed: ${reply.error}`));
        else task.resolve(reply.outcome);
      }
      this.dispatch();
    });
    worker.on('error', (error) => {
      thread.task?.reject(error);
      thread.task = null;
    });
    worker.on('exit', () => {
      this.threads = this.threads.filter((other) => other !== thread);
      thread.task?.reject(new Error('A search thread stopped'));
      thread.task = null;
      // replace a thread that died while serving; one that never came up would only die again
      if (!this.closing && thread.online)
        void this.spawn().then(
          () => this.dispatch(),
          () => undefined,
        );
    });
    return new Promise<void>((resolve, reject) => {
      worker.once('online', () => {
        thread.online = true;
        resolve();
      });
      worker.once('error', reject);
    });
  }
}
