import { Injectable } from '@nestjs/common';
import { LockWaitTimeoutException, UniqueConstraintViolationException } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/mysql';
import { TooManyRequestsError } from '../errors/domain-error';
import { Clock } from '../time/clock';
import { IdempotencyKeyInProgressError, IdempotencyKeyReusedError } from './idempotency.errors';
import { IdempotencyKey } from './idempotency-key.entity';

/** How long a key is remembered. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 3600 * 1000;
/** How long a refusal (a 4xx answer) is replayed: long enough for a client's retries, not a day. */
export const IDEMPOTENCY_REFUSAL_TTL_MS = 10 * 60 * 1000;
/** New keys a member may send per hour; past it, 429 (3,000 keys in 9 s each kept a day before). */
export const IDEMPOTENCY_KEYS_PER_HOUR = 200;
const HOUR_MS = 3600 * 1000;

export class TooManyIdempotencyKeysError extends TooManyRequestsError {
  constructor() {
    super(`More than ${IDEMPOTENCY_KEYS_PER_HOUR} new Idempotency-Key values in an hour; retry later`, 600);
  }
}

export type IdempotencyClaim = { kind: 'claimed'; id: string } | { kind: 'replay'; statusCode: number; body: unknown };

/**
 * Keys in MySQL. A claim is an INSERT in the transaction of the operation it guards (`em`, given by
 * `IdempotencyInterceptor`), and the answer is stored in that same transaction: a crash rolls back
 * the claim with the operation, and a committed operation always has its answer. The unique key on
 * (user, key) lets exactly one of several concurrent requests through: the others' INSERT waits
 * for the first transaction, then finds its answer. Expired keys are deleted by the worker's
 * maintenance queue (`forgetExpired`), never on the request path; a claim that meets one treats
 * it as gone.
 */
@Injectable()
export class IdempotencyStore {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
  ) {}

  /** Claims the key in `em`'s transaction, or returns the answer to replay; refuses reuse. */
  async claim(em: EntityManager, userId: number, key: string, requestHash: string): Promise<IdempotencyClaim> {
    const now = this.clock.now();
    const claimed = await this.insert(em, userId, key, requestHash, now);
    if (claimed) return claimed;
    let first = await em.findOne(IdempotencyKey, { userId, key });
    if (first && first.expiresAt <= now) {
      // expired but not yet purged: forget it (only if still expired) and claim afresh, once
      await em.nativeDelete(IdempotencyKey, { id: first.id, expiresAt: { $lte: now } });
      const reclaimed = await this.insert(em, userId, key, requestHash, now);
      if (reclaimed) return reclaimed;
      first = await em.findOne(IdempotencyKey, { userId, key });
    }
    // gone again: the first request failed with a 5xx and released it a moment ago
    if (!first) throw new IdempotencyKeyInProgressError();
    if (first.requestHash !== requestHash) throw new IdempotencyKeyReusedError();
    if (first.statusCode === null) throw new IdempotencyKeyInProgressError();
    return { kind: 'replay', statusCode: first.statusCode, body: first.responseBody === null ? undefined : JSON.parse(first.responseBody) };
  }

  /** Deletes every key past its expiry; the maintenance queue calls this hourly. */
  async forgetExpired(): Promise<number> {
    return this.em.fork().nativeDelete(IdempotencyKey, { expiresAt: { $lte: this.clock.now() } });
  }

  /** Records the answer in the claim's transaction; a refusal is kept for minutes only. */
  async complete(em: EntityManager, id: string, statusCode: number, body: unknown): Promise<void> {
    const responseBody = body === undefined || body === null ? null : JSON.stringify(body);
    const refusal = statusCode >= 400 ? { expiresAt: new Date(this.clock.now().getTime() + IDEMPOTENCY_REFUSAL_TTL_MS) } : {};
    await em.nativeUpdate(IdempotencyKey, { id }, { statusCode, responseBody, ...refusal });
  }

  /** Stores a new key, or returns null when (user, key) exists; a key past the hourly cap is taken back. */
  private async insert(em: EntityManager, userId: number, key: string, requestHash: string, now: Date): Promise<IdempotencyClaim | null> {
    const claim = await this.insertRow(em, userId, key, requestHash, now);
    if (claim) await this.refuseOverCap(em, userId, claim.id, now);
    return claim;
  }

  private async insertRow(
    em: EntityManager,
    userId: number,
    key: string,
    requestHash: string,
    now: Date,
  ): Promise<{ kind: 'claimed'; id: string } | null> {
    try {
      const row = new IdempotencyKey({
        userId,
        key,
        requestHash,
        createdAt: now,
        expiresAt: new Date(now.getTime() + IDEMPOTENCY_KEY_TTL_MS),
      });
      const id = await em.insert(IdempotencyKey, row);
      return { kind: 'claimed', id: String(id) };
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) return null;
      // the first request with this key still runs after innodb_lock_wait_timeout
      if (error instanceof LockWaitTimeoutException) throw new IdempotencyKeyInProgressError();
      throw error;
    }
  }

  /**
   * The cap on new keys per member and hour, counted after the insert so that a replay never pays
   * for it. Counted on the (user, key) index's user prefix, so it reads at most a day of one
   * member's keys; concurrent claims at the edge may each see the other and both be refused.
   */
  private async refuseOverCap(em: EntityManager, userId: number, id: string, now: Date): Promise<void> {
    const recent = await em.count(IdempotencyKey, { userId, createdAt: { $gt: new Date(now.getTime() - HOUR_MS) } });
    if (recent <= IDEMPOTENCY_KEYS_PER_HOUR) return;
    await em.nativeDelete(IdempotencyKey, { id });
    throw new TooManyIdempotencyKeysError();
  }
}
