import { Entity, Index, ManyToOne, type Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { storedInstant } from '@app/core';
import { User } from '../../entities/user.entity';

/**
 * One refresh token a user was given. Only the SHA-256 of the token is stored: a copy of the table
 * opens no session. Every token of one login shares a `familyId`; exchanging a token marks it
 * `usedAt` and issues the next one of the family, and presenting a used token again revokes the
 * whole family (`revokedAt`), so a stolen token that its owner already exchanged ends the session.
 */
@Entity({ tableName: 'refresh_token' })
export class RefreshToken {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user: User;

  /** The login this token descends from (hex of 16 random bytes). */
  @Index({ name: 'refresh_token_family_id_index' })
  @Property({ columnType: 'char(32) collate ascii_bin' })
  familyId: string;

  /** Hex SHA-256 of the token the client holds. */
  @Unique({ name: 'refresh_token_token_hash_unique' })
  @Property({ columnType: 'char(64) collate ascii_bin' })
  tokenHash: string;

  @Property({ type: 'datetime' })
  expiresAt: Date;

  /** When it was exchanged for the next token of its family: a second exchange is reuse. */
  @Property({ type: 'datetime', nullable: true })
  usedAt: Date | null = null;

  /** When its family was revoked (logout, or reuse of one of its tokens). */
  @Property({ type: 'datetime', nullable: true })
  revokedAt: Date | null = null;

  @Property({ type: 'datetime', defaultRaw: 'CURRENT_TIMESTAMP' })
  createdAt: Date & Opt;

  constructor(props: { user: User; familyId: string; tokenHash: string; createdAt: Date; expiresAt: Date }) {
    if (props.expiresAt <= props.createdAt) throw new Error('A refresh token must expire after it is issued');
    this.user = props.user;
    this.familyId = props.familyId;
    this.tokenHash = props.tokenHash;
    this.createdAt = storedInstant(props.createdAt);
    this.expiresAt = storedInstant(props.expiresAt);
  }

  isExpiredAt(now: Date): boolean {
    return this.expiresAt.getTime() <= now.getTime();
  }
}
