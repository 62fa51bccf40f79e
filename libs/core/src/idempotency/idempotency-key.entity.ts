import { Entity, Index, type Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { storedInstant } from '../time/stored-instant';

/**
 * One `Idempotency-Key` a user sent, with the request it was first used for and, once the
 * handler finished, the answer to replay. `statusCode` NULL means the first request still runs.
 * The unique key on (user, key) decides which of several concurrent requests runs.
 */
@Entity({ tableName: 'idempotency_key' })
@Unique({ name: 'idempotency_key_user_id_key_unique', properties: ['userId', 'key'] })
export class IdempotencyKey {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ unsigned: true })
  userId: number;

  /** Compared byte for byte: keys are case-sensitive. */
  @Property({ columnType: 'varchar(255) collate ascii_bin' })
  key: string;

  /** sha256 of method, path and body: the same key with another request is refused. */
  @Property({ columnType: 'char(64)' })
  requestHash: string;

  @Property({ type: 'smallint', unsigned: true, nullable: true })
  statusCode: number | null = null;

  /** The answer's JSON, NULL for an empty body (a 204). */
  @Property({ columnType: 'mediumtext', nullable: true, lazy: false })
  responseBody: string | null = null;

  @Property({ type: 'datetime', defaultRaw: 'CURRENT_TIMESTAMP' })
  createdAt: Date & Opt = storedInstant();

  @Index()
  @Property({ type: 'datetime' })
  expiresAt: Date;

  constructor(props: { userId: number; key: string; requestHash: string; expiresAt: Date; createdAt: Date }) {
    this.userId = props.userId;
    this.key = props.key;
    this.requestHash = props.requestHash;
    this.expiresAt = props.expiresAt;
    this.createdAt = props.createdAt;
  }
}
