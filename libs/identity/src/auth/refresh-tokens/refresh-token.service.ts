import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/mysql';
import { AppConfig, Clock } from '@app/core';
import { User } from '../../entities/user.entity';
import { InvalidRefreshTokenError } from '../../identity.errors';
import { RefreshToken } from './refresh-token.entity';
import { hashRefreshToken, newRefreshTokenFamily, newRefreshTokenSecret } from './refresh-token-secret';

const DAY_MS = 86_400_000;

/** A refresh token exchanged for its successor: the user to sign a new access token for, and the successor. */
export interface RotatedRefreshToken {
  user: User;
  refreshToken: string;
}

/**
 * Refresh tokens: issued at login (a new family), exchanged once each for the next of the family
 * (rotation), revoked by family at logout or when a used one comes back (reuse). Times come from
 * the app clock, so expiry is tested by moving a fake clock.
 */
@Injectable()
export class RefreshTokenService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** The first token of a new login. */
  async issue(user: Pick<User, 'id'>): Promise<string> {
    return this.insert(this.em, user.id, newRefreshTokenFamily());
  }

  /**
   * Exchanges `token` for the next token of its family. Refuses with `INVALID_REFRESH_TOKEN` a token
   * that is unknown, revoked, expired or already used; a used one (a replay, or the loser of two
   * concurrent exchanges) also revokes its whole family. The exchange is a conditional UPDATE
   * (`used_at is null and revoked_at is null`): of two requests racing with one token, InnoDB lets
   * one mark it and the other's UPDATE, waiting on the row lock, then matches no row.
   */
  async rotate(token: string): Promise<RotatedRefreshToken> {
    const now = this.clock.now();
    const current = await this.em.findOne(RefreshToken, { tokenHash: hashRefreshToken(token) }, { populate: ['user'] });
    if (!current || current.revokedAt) throw new InvalidRefreshTokenError();
    if (current.usedAt) return this.refuseReuse(current.familyId, now);
    if (current.isExpiredAt(now)) throw new InvalidRefreshTokenError('The refresh token has expired; log in again');
    // a deactivated account is refused here, before the exchange (its tokens were revoked when it was
    // deactivated; this catches one issued by a login that raced the deactivation)
    if (!current.user.isActive) throw new InvalidRefreshTokenError('The account has been deactivated; ask the gym staff');
    const successor = await this.em.transactional(async (tx) => {
      const claimed = await tx.nativeUpdate(RefreshToken, { id: current.id, usedAt: null, revokedAt: null }, { usedAt: now });
      return claimed === 1 ? this.insert(tx, current.user.id, current.familyId) : null;
    });
    if (successor === null) return this.refuseReuse(current.familyId, now);
    return { user: current.user, refreshToken: successor };
  }

  /**
   * Ends the login `token` belongs to: revokes every token of its family. A token that is unknown,
   * already revoked, or another user's changes nothing (logging out twice is not an error, and the
   * answer tells nothing about other people's tokens).
   */
  async revokeFamilyOf(userId: number, token: string): Promise<void> {
    const current = await this.em.findOne(RefreshToken, { tokenHash: hashRefreshToken(token), user: userId }, { fields: ['familyId'] });
    if (current) await this.revokeFamily(current.familyId, this.clock.now());
  }

  /** Revokes every live refresh token of the user, in `em` (a deactivation's transaction). */
  async revokeAllOf(em: EntityManager, userId: number): Promise<void> {
    await em.nativeUpdate(RefreshToken, { user: userId, revokedAt: null }, { revokedAt: this.clock.now() });
  }

  /**
   * Deletes every token past its expiry; the worker's maintenance queue calls this hourly. A used or
   * revoked token is kept until then: while it could still be presented, it must be known as reuse.
   */
  async forgetExpired(): Promise<number> {
    return this.em.fork().nativeDelete(RefreshToken, { expiresAt: { $lte: this.clock.now() } });
  }

  private async refuseReuse(familyId: string, now: Date): Promise<never> {
    await this.revokeFamily(familyId, now);
    throw new InvalidRefreshTokenError('The refresh token was already used; every token of its login is revoked, log in again');
  }

  private async revokeFamily(familyId: string, now: Date): Promise<void> {
    await this.em.nativeUpdate(RefreshToken, { familyId, revokedAt: null }, { revokedAt: now });
  }

  private async insert(em: EntityManager, userId: number, familyId: string): Promise<string> {
    const secret = newRefreshTokenSecret();
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.config.auth.refreshTokenDays * DAY_MS);
    const row = new RefreshToken({
      user: em.getReference(User, userId),
      familyId,
      tokenHash: hashRefreshToken(secret),
      createdAt: now,
      expiresAt,
    });
    await em.persistAndFlush(row);
    return secret;
  }
}
