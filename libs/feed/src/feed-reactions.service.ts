import { Injectable } from '@nestjs/common';
import { IsolationLevel, LockMode, type QueryResult } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/mysql';
import { inTransaction, NotFoundError } from '@app/core';
import { Feed } from './entities/feed.entity';
import { JoinNotSupportedError } from './feed.errors';

export interface LikeState {
  likeCount: number;
  likedByMe: boolean;
}

export interface JoinState {
  joinedCount: number;
  joinedByMe: boolean;
}

/** The reaction tables and the counter column each kind keeps on `feed`. */
const KINDS = {
  like: { table: 'feed_like', counter: 'like_count' },
  join: { table: 'feed_join', counter: 'joined_count' },
} as const;

type Kind = keyof typeof KINDS;

/**
 * Likes and joins. The item's row is locked, the unique key of the reaction row decides whether
 * anything changes, and the counter moves by an atomic `SET x = x ± 1` in the same transaction, only
 * when a row was really inserted or deleted. Nothing is read, changed in the application and written back, so concurrent likes
 * cannot lose updates.
 */
@Injectable()
export class FeedReactionsService {
  constructor(private readonly em: EntityManager) {}

  async like(userId: number, feedId: number): Promise<LikeState> {
    const count = await this.react('like', userId, feedId, true);
    return { likeCount: count, likedByMe: true };
  }

  async unlike(userId: number, feedId: number): Promise<LikeState> {
    const count = await this.react('like', userId, feedId, false);
    return { likeCount: count, likedByMe: false };
  }

  async join(userId: number, feedId: number): Promise<JoinState> {
    const count = await this.react('join', userId, feedId, true);
    return { joinedCount: count, joinedByMe: true };
  }

  async leave(userId: number, feedId: number): Promise<JoinState> {
    const count = await this.react('join', userId, feedId, false);
    return { joinedCount: count, joinedByMe: false };
  }

  /** Adds or removes the member's reaction; returns the item's counter afterwards. */
  private react(kind: Kind, userId: number, feedId: number, add: boolean): Promise<number> {
    return inTransaction(this.em, (em) => this.reactIn(em, kind, userId, feedId, add), { isolationLevel: IsolationLevel.READ_COMMITTED });
  }

  private async reactIn(em: EntityManager, kind: Kind, userId: number, feedId: number, add: boolean): Promise<number> {
    const { table, counter } = KINDS[kind];
    // Lock the item first: the reaction row's foreign key would otherwise take a shared lock on it,
    // and two transactions upgrading shared locks to update the counter deadlock each other.
    const feed = await em.findOne(Feed, feedId, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!feed) throw new NotFoundError('Feed', feedId);
    if (kind === 'join' && !feed.joinable) throw new JoinNotSupportedError();
    const change = add
      ? await em.execute<QueryResult>(
          `insert ignore into \`${table}\` (feed_id, user_id, created_at) values (?, ?, ?)`,
          [feedId, userId, new Date()],
          'run',
        )
      : await em.execute<QueryResult>(`delete from \`${table}\` where feed_id = ? and user_id = ?`, [feedId, userId], 'run');
    if (change.affectedRows === 1) {
      await em.execute(`update feed set ${counter} = ${counter} ${add ? '+' : '-'} 1 where id = ?`, [feedId], 'run');
    }
    const [row] = await em.execute<{ count: number }[]>(`select ${counter} as count from feed where id = ?`, [feedId]);
    return row.count;
  }
}
