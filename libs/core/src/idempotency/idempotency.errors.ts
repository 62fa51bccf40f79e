import { ConflictError, DomainError } from '../errors/domain-error';

/** 422: the key was first used for another request (method, path or body differ). */
export class IdempotencyKeyReusedError extends DomainError {
  readonly status = 422;

  constructor() {
    super('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used for a different request');
  }
}

/** 409: the first request with this key has not finished yet; retry later. */
export class IdempotencyKeyInProgressError extends ConflictError {
  constructor() {
    super('IDEMPOTENCY_KEY_IN_PROGRESS', 'A request with this Idempotency-Key is still running; retry shortly');
  }
}
