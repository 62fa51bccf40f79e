import type { Queue } from 'bull';

/** Handles every job name of one queue (Bull fails jobs whose name has no handler). */
export interface QueueProcessor {
  readonly queue: Queue;
  /** Starts consuming; the promise settles only when processing stops. */
  register(): Promise<void>;
}
