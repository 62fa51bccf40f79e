import { Entity, Enum, Index, ManyToOne, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { storedInstant } from '@app/core';
import { User } from '@app/identity';

export enum FeedType {
  Post = 'post',
  Game = 'game',
  Team = 'team',
}

/**
 * Every feed item lives in the one `feed` table (single-table inheritance): `dtype` says which
 * class a row is, and the columns of the other classes stay NULL. One query serves a mixed page.
 * `likeCount` and `joinedCount` are only ever changed by atomic `SET x = x ± 1` statements, in the
 * transaction that inserts or deletes the like or join row.
 */
@Entity({ abstract: true, discriminatorColumn: 'dtype', discriminatorMap: { post: 'Post', game: 'Game', team: 'Team' } })
@Index({ properties: ['dtype', 'id'] })
export abstract class Feed {
  @PrimaryKey()
  id!: number;

  @Enum({ items: () => FeedType })
  dtype!: FeedType & Opt;

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  author: User;

  @Property({ default: 0 })
  likeCount: number & Opt = 0;

  @Property({ default: 0 })
  joinedCount: number & Opt = 0;

  @Property({ type: 'datetime', defaultRaw: 'CURRENT_TIMESTAMP' })
  createdAt: Date & Opt = storedInstant();

  constructor(author: User) {
    this.author = author;
  }

  /** Games and teams have participants; posts do not. */
  abstract get joinable(): boolean;
}
