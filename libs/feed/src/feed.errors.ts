import { ConflictError } from '@app/core';

export class JoinNotSupportedError extends ConflictError {
  constructor() {
    super('JOIN_NOT_SUPPORTED', 'Posts have no participants; only games and teams can be joined');
  }
}
