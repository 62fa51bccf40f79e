import { isDatabaseUnavailable } from './database-unavailable';

export interface RetryWhileUnavailableOptions {
  /** Tries in all, the first included. */
  attempts?: number;
  /** The wait before the second try, doubled before each one after it. */
  firstDelayMs?: number;
  log?: (line: string) => void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs a start-up step (`migrate`, `create-default-user`) again when it failed because MySQL
 * could not be reached or dropped the connection (ETIMEDOUT, ECONNREFUSED, a lost connection:
 * `isDatabaseUnavailable`), a bounded number of times. `wait-for-db` saw the server once, but a
 * server that just started, or a container network still settling, can fail the next connection:
 * the API container once exited with `connect ETIMEDOUT` right after migrating. Any other error,
 * or the last attempt's, is thrown as it is. Both steps are safe to run again: the migrator skips
 * what is applied, and the default user is created only when missing.
 */
export async function retryWhileDatabaseUnavailable<T>(step: () => Promise<T>, options: RetryWhileUnavailableOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 6;
  let delayMs = options.firstDelayMs ?? 500;
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (error) {
      if (!isDatabaseUnavailable(error) || attempt >= attempts) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      options.log?.(`MySQL unavailable (${reason}); attempt ${attempt + 1} of ${attempts} in ${delayMs} ms`);
      await sleep(delayMs);
      delayMs *= 2;
    }
  }
}
