import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/mysql';
import { AppConfig, DomainError, executePrepared, RedisConnection, withTimeout } from '@app/core';

const key = (userId: number): string => `auth:deactivated:${userId}`;

/** How long a request waits for Redis before it reads the database instead. */
const REDIS_TIMEOUT_MS = 300;

/**
 * Tokens issued up to this long after a deactivation are refused too: a login that read the
 * account as active just before the deactivation committed signs its token a moment later (the
 * password check alone takes ~100 ms), and API instances' clocks may differ by a second or two.
 */
const LOGIN_RACE_SECONDS = 5;

const IS_ACTIVE = 'select is_active as isActive from `user` where id = ?';

/**
 * The denylist of deactivated accounts in Redis, checked on every authenticated request: one GET
 * of `auth:deactivated:<userId>`, whose value is the deactivation time in seconds and which lives
 * as long as an access token (`JWT_EXPIRES_IN`), after which no token issued before it is left.
 * A token issued before that time (plus `LOGIN_RACE_SECONDS`) is refused; later ones are not, so
 * a key that outlived a reactivation, or one left by a database whose ids were reused (tests),
 * refuses no new login. When Redis does not answer, the request reads `is_active` from the
 * database instead (one statement): an outage never admits a deactivated member, and never fails
 * a request of an active one. Times are the system clock's, not the app clock: they are compared
 * with the token's `iat`, which jsonwebtoken stamps from the system clock.
 */
@Injectable()
export class DeactivatedAccounts {
  constructor(
    private readonly redis: RedisConnection,
    private readonly em: EntityManager,
    private readonly config: AppConfig,
  ) {}

  /**
   * Refuses every token of the account issued until now. Called inside the deactivation's
   * transaction, before it commits: when Redis does not answer, this throws `DEPENDENCY_DOWN` and
   * the deactivation rolls back, so a committed deactivation always has its entry.
   */
  async add(userId: number): Promise<void> {
    const deactivatedAt = Math.floor(Date.now() / 1000);
    const ttl = this.config.auth.jwtExpiresInSeconds + LOGIN_RACE_SECONDS;
    try {
      await withTimeout(this.redis.client.set(key(userId), String(deactivatedAt), 'EX', ttl), REDIS_TIMEOUT_MS, 'Redis did not answer SET');
    } catch {
      throw new DomainError(
        'DEPENDENCY_DOWN',
        'Redis is down: a deactivation cannot take effect at once without it, so nothing was changed',
      );
    }
  }

  /** Forgets the entry: after a reactivation commits, or when a deactivation rolled back. Throws when Redis does not answer. */
  async remove(userId: number): Promise<void> {
    await withTimeout(this.redis.client.del(key(userId)), REDIS_TIMEOUT_MS, 'Redis did not answer DEL');
  }

  /** Whether a token of `userId` issued at `issuedAt` (seconds) may still be used. */
  async admits(userId: number, issuedAt: number | undefined): Promise<boolean> {
    let deactivatedAt: string | null;
    try {
      if (this.redis.client.status !== 'ready') throw new Error('Redis is not connected');
      deactivatedAt = await withTimeout(this.redis.client.get(key(userId)), REDIS_TIMEOUT_MS, 'Redis did not answer GET');
    } catch {
      return this.isActiveInDatabase(userId);
    }
    return deactivatedAt === null || (issuedAt ?? 0) > Number(deactivatedAt) + LOGIN_RACE_SECONDS;
  }

  private async isActiveInDatabase(userId: number): Promise<boolean> {
    const [row] = await executePrepared<{ isActive: number }>(this.em, IS_ACTIVE, [userId], { fromPrimary: true });
    return row?.isActive === 1;
  }
}
