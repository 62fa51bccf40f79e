import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/mysql';
import { Cursor, NotFoundError, type Page } from '@app/core';
import { Poll } from './entities/poll.entity';
import type { VoterView } from './poll-heads.query';

/** One vote as the listing shows it; `owner` is null where an anonymous poll hides it. */
export interface ListedVote {
  id: number;
  owner: VoterView | null;
}

interface VoteRow {
  id: number;
  voterId: number;
  voterName: string;
  voterImageUrl: string | null;
}

/**
 * The votes of one question, oldest first, keyset-paginated on the vote id: the continuation of
 * the first votes a poll lists with each question. Two statements whatever the size: the poll
 * (for its anonymity), then one page of votes with their voters and pictures.
 */
@Injectable()
export class PollVotesReader {
  constructor(private readonly em: EntityManager) {}

  async page(pollId: number, questionId: number, viewerId: number, query: { limit: number; cursor?: string }): Promise<Page<ListedVote>> {
    const poll = await this.em.findOne(Poll, pollId, { fields: ['id', 'isAnonymousVote'] });
    if (!poll) throw new NotFoundError('Poll', pollId);
    const after = query.cursor ? Cursor.decode<[number]>(query.cursor, ['number'])[0] : 0;
    const rows = await this.em.execute<VoteRow[]>(
      `select v.id, o.id as voterId, o.username as voterName, i.image_url as voterImageUrl
         from poll_vote v
         join \`user\` o on o.id = v.owner_id
         left join image i on i.id = o.image_id
        where v.poll_id = ? and v.question_id = ? and v.id > ?
        order by v.id
        limit ?`,
      [pollId, questionId, after, query.limit + 1],
    );
    const items = rows.slice(0, query.limit).map((row) => ({
      id: row.id,
      owner:
        poll.isAnonymousVote && row.voterId !== viewerId
          ? null
          : { id: row.voterId, username: row.voterName, image: row.voterImageUrl === null ? null : { imageUrl: row.voterImageUrl } },
    }));
    const last = items.at(-1);
    return { items, nextCursor: rows.length > query.limit && last ? Cursor.encode([last.id]) : null };
  }
}
