import { UnavailableError } from '@app/core';

export class QueueUnavailableError extends UnavailableError {
  constructor() {
    super('QUEUE_UNAVAILABLE', 'The job queue is unavailable, try again shortly');
  }
}
