import { DomainError } from '../errors/domain-error';

/** `IDEMPOTENCY_KEY_REUSED`: the key was first used for another request (method, path or body differ). */
export class IdempotencyKeyReusedError extends DomainError {
  constructor() {
    super('IDEMPOTENCY_KEY_REUSED');
  }
}

/** `IDEMPOTENCY_KEY_IN_PROGRESS`: the first request with this key has not finished yet; retry later. */
export class IdempotencyKeyInProgressError extends DomainError {
  constructor() {
    super('IDEMPOTENCY_KEY_IN_PROGRESS');
  }
}
