/** One measurement of bench/recommend-memory.ts, in a fresh process. */
import { Worker } from 'node:worker_threads';
import { type LoadedIndex, readIndexFile } from '../libs/recommend/src/index-file/index-file.reader';
import { SearchThreadPool } from '../libs/recommend/src/serve/search-thread.pool';

export interface ChildReport {
  mode: 'shared' | 'copy';
  threads: number;
  rss: number;
  heapUsed: number;
  arrayBuffers: number;
  /** Duration of one brute-force search over the whole index in a thread. */
  searchMs: number;
}

/** What a thread does when it keeps a private copy: copy the bytes, then scan them once. */
const COPYING_THREAD = `
const { parentPort } = require('node:worker_threads');
let copy = null;
parentPort.on('message', ({ buffer, matrixOffset, count, dimension }) => {
  const started = performance.now();
  copy = new Uint8Array(buffer).slice();
  const vectors = new Float32Array(copy.buffer, matrixOffset, count * dimension);
  let best = -2;
  for (let row = 1; row < count; row++) {
    let dot = 0;
    for (let i = 0; i < dimension; i++) dot += vectors[i] * vectors[row * dimension + i];
    if (dot > best) best = dot;
  }
  parentPort.postMessage({ best, ms: performance.now() - started });
});`;

function gc(): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  collect?.();
}

async function sharedRun(index: LoadedIndex, threads: number): Promise<{ ms: number; close: () => Promise<void> }> {
  const pool = new SearchThreadPool(threads);
  await pool.start();
  let slowest = 0;
  // concurrent searches until every thread has run at least one
  while (pool.searchesPerThread().some((count) => count === 0)) {
    const started = performance.now();
    await Promise.all(Array.from({ length: threads }, (_, i) => pool.search(index, 1 + i * 7919, 10)));
    slowest = Math.max(slowest, performance.now() - started);
  }
  return { ms: slowest, close: () => pool.close() };
}

async function copyRun(index: LoadedIndex, threads: number): Promise<{ ms: number; close: () => Promise<void> }> {
  const workers = Array.from({ length: threads }, () => new Worker(COPYING_THREAD, { eval: true, execArgv: [] }));
  const { layout } = index;
  const replies = await Promise.all(
    workers.map(
      (worker) =>
        new Promise<{ ms: number }>((resolve, reject) => {
          worker.once('message', resolve);
          worker.once('error', reject);
          worker.postMessage({ buffer: index.buffer, matrixOffset: layout.matrixOffset, count: layout.count, dimension: layout.dimension });
        }),
    ),
  );
  return {
    ms: Math.max(...replies.map((reply) => reply.ms)),
    close: async () => void (await Promise.all(workers.map((worker) => worker.terminate()))),
  };
}

export async function runChild(mode: 'shared' | 'copy', threads: number, path: string): Promise<ChildReport> {
  const index = await readIndexFile(path);
  const run = mode === 'shared' ? await sharedRun(index, threads) : await copyRun(index, threads);
  gc();
  await new Promise((resolve) => setTimeout(resolve, 200));
  const usage = process.memoryUsage();
  await run.close();
  return { mode, threads, rss: usage.rss, heapUsed: usage.heapUsed, arrayBuffers: usage.arrayBuffers, searchMs: run.ms };
}
