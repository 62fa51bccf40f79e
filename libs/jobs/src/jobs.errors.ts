import { DomainError } from '@app/core';

export class QueueUnavailableError extends DomainError {
  constructor() {
    super('QUEUE_UNAVAILABLE');
  }
}
