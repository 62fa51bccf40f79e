import { DeadlockException, type IsolationLevel, LockWaitTimeoutException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/mysql';

/**
 * Runs a whole transaction again when InnoDB picked it as a deadlock victim (or it timed out
 * waiting for a lock): the victim was rolled back, so retrying is safe and is what MySQL advises.
 */
export async function retryOnDeadlock<T>(transaction: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction();
    } catch (error) {
      const retriable = error instanceof DeadlockException || error instanceof LockWaitTimeoutException;
      if (!retriable || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 10));
    }
  }
}

/**
 * Runs `work` in a transaction of its own, retried on deadlock; or, when the request already runs
 * in one (an idempotent request: see `IdempotencyInterceptor`), in a savepoint of that transaction,
 * whose owner chose the isolation level and retries the whole on deadlock (InnoDB rolls back the
 * whole transaction, so a retry inside it would run outside any).
 */
export function inTransaction<T>(
  em: EntityManager,
  work: (em: EntityManager) => Promise<T>,
  options: { isolationLevel?: IsolationLevel } = {},
): Promise<T> {
  if (em.isInTransaction()) return em.fork({ keepTransactionContext: true }).transactional(work);
  return retryOnDeadlock(() => em.fork().transactional(work, options));
}
