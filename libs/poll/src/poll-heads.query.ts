import type { EntityManager } from '@mikro-orm/mysql';
import { executePrepared, fromStoredDatetime } from '@app/core';

/** A voter or an owner as a poll shows them. */
export interface VoterView {
  id: number;
  username: string;
  image: { imageUrl: string } | null;
}

/** A poll as its pages show it: its own fields and its owner, read as a projection, not an entity. */
export interface PollHead {
  id: number;
  owner: VoterView;
  head: string;
  message: string;
  endTime: Date | null;
  isAnonymousVote: boolean;
  isMultipleVote: boolean;
}

const SELECT = `select p.id, p.head, p.message, p.end_time as endTime, p.is_anonymous_vote as isAnonymousVote,
  p.is_multiple_vote as isMultipleVote, o.id as ownerId, o.username as ownerName, i.image_url as ownerImageUrl
from poll p
join \`user\` o on o.id = p.owner_id
left join image i on i.id = o.image_id`;

/** Newest first by primary key (a backward range from the cursor), owners and pictures by primary key. */
const FIRST_PAGE = `${SELECT} order by p.id desc limit ?`;
const PAGE_BEFORE = `${SELECT} where p.id < ? order by p.id desc limit ?`;
const ONE = `${SELECT} where p.id = ?`;

interface PollHeadRow {
  id: number;
  head: string;
  message: string;
  endTime: string | null;
  isAnonymousVote: number;
  isMultipleVote: number;
  ownerId: number;
  ownerName: string;
  ownerImageUrl: string | null;
}

const toPollHead = (row: PollHeadRow): PollHead => ({
  id: row.id,
  owner: { id: row.ownerId, username: row.ownerName, image: row.ownerImageUrl === null ? null : { imageUrl: row.ownerImageUrl } },
  head: row.head,
  message: row.message,
  endTime: row.endTime === null ? null : fromStoredDatetime(row.endTime),
  isAnonymousVote: row.isAnonymousVote === 1,
  isMultipleVote: row.isMultipleVote === 1,
});

/**
 * The polls of a page, or one poll, with their owners and pictures: one prepared statement. As
 * entities (`find` with `populate: ['owner.image']`) the hydration of 21 polls, their owners and
 * pictures was a third of the page's CPU (docs/performance.md).
 */
export async function readPollHeads(em: EntityManager, query: { beforeId?: number; limit: number }): Promise<PollHead[]> {
  const rows =
    query.beforeId === undefined
      ? await executePrepared<PollHeadRow>(em, FIRST_PAGE, [query.limit])
      : await executePrepared<PollHeadRow>(em, PAGE_BEFORE, [query.beforeId, query.limit]);
  return rows.map(toPollHead);
}

export async function readPollHead(em: EntityManager, id: number): Promise<PollHead | null> {
  const [row] = await executePrepared<PollHeadRow>(em, ONE, [id]);
  return row ? toPollHead(row) : null;
}
