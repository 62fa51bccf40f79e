import { AsyncLocalStorage } from 'node:async_hooks';

/** Work that must wait for the request's writes to be committed: an email about them, say. */
export type AfterCommitTask = () => Promise<unknown>;

const pending = new AsyncLocalStorage<AfterCommitTask[]>();

/**
 * Runs `work` with the tasks it defers (`afterCommit`) collected in `into`; the caller runs them
 * once its transaction has committed (`runAfterCommit`) and drops them if it rolled back.
 */
export function collectingAfterCommit<T>(into: AfterCommitTask[], work: () => Promise<T>): Promise<T> {
  return pending.run(into, work);
}

/**
 * Runs `task` once the request's writes are committed. Services commit their own transactions
 * before a controller calls this, so it runs at once, unless an outer transaction wraps the whole
 * request (the idempotency interceptor's, for a request with an `Idempotency-Key`): then it waits
 * for that one, and never runs if it rolls back.
 */
export async function afterCommit(task: AfterCommitTask): Promise<void> {
  const queue = pending.getStore();
  if (queue) queue.push(task);
  else await task();
}

/** Runs the deferred tasks in order, after the commit. */
export async function runAfterCommit(tasks: readonly AfterCommitTask[]): Promise<void> {
  for (const task of tasks) await task();
}
