import { DeadlockException, LockWaitTimeoutException } from '@mikro-orm/core';

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
