import { DomainError } from '@app/core';

export class JoinNotSupportedError extends DomainError {
  constructor() {
    super('JOIN_NOT_SUPPORTED', 'Posts have no participants; only games and teams can be joined');
  }
}
