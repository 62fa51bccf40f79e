import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/mysql';
import { Clock, Cursor, executePrepared, NotFoundError, type Page } from '@app/core';
import { User } from '@app/identity';
import { Poll } from './entities/poll.entity';
import { PollEndTimeInPastError } from './poll.errors';
import { type PollHead, readPollHead, readPollHeads, type VoterView } from './poll-heads.query';

export interface NewPoll {
  head: string;
  message: string;
  endTime: Date | null;
  isAnonymousVote: boolean;
  isMultipleVote: boolean;
  questions: string[];
}

/** Votes listed with each question of a poll; the rest are paged at `/polls/:id/questions/:questionId/votes`. */
export const VOTES_SHOWN_PER_QUESTION = 20;

/**
 * A question with its first votes, oldest first, and the exact count of all of them: a read-only
 * projection, not entities. `votesNextCursor` continues the listing when there are more.
 */
export interface PollQuestionView {
  id: number;
  content: string;
  ordering: number;
  voteCount: number;
  votes: { id: number; owner: VoterView }[];
  votesNextCursor: string | null;
}

/** A poll with its questions, each with its votes, voters and their pictures. */
export interface PollView {
  poll: PollHead;
  questions: PollQuestionView[];
}

/** One row of the questions query: a question and one of its votes (or none). */
interface QuestionVoteRow {
  id: number;
  poll: number;
  content: string;
  ordering: number;
  voteCount: number | string | null;
  voteId: number | null;
  voterId: number | null;
  voterName: string | null;
  voterImageUrl: string | null;
}

/**
 * Creating and reading polls. Whatever the number of polls, questions and votes, a page or a
 * detail is two prepared statements: the polls with their owners and pictures (`readPollHeads`), then every
 * question of those polls with its first votes, voters and pictures (one joined query, read as a
 * projection: as entities, the 340 rows of the bench's 20-poll page took 33 ms of CPU per request, as
 * rows 7 ms). Each question lists at most `VOTES_SHOWN_PER_QUESTION` votes with the exact count of
 * all (window functions): a 100-poll page once answered 2.4 MB.
 */
@Injectable()
export class PollService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
  ) {}

  async create(ownerId: number, input: NewPoll): Promise<PollView> {
    if (input.endTime && input.endTime.getTime() <= this.clock.now().getTime()) throw new PollEndTimeInPastError();
    const poll = new Poll(this.em.getReference(User, ownerId), input, input.questions);
    await this.em.persistAndFlush(poll);
    return this.get(poll.id);
  }

  async get(id: number): Promise<PollView> {
    const poll = await readPollHead(this.em, id);
    if (!poll) throw new NotFoundError('Poll', id);
    const [view] = await this.withQuestions([poll]);
    return view;
  }

  /** Newest first, keyset-paginated on the id. */
  async page(query: { limit: number; cursor?: string }): Promise<Page<PollView>> {
    const beforeId = query.cursor ? Cursor.decode<[number]>(query.cursor, ['number'])[0] : undefined;
    const rows = await readPollHeads(this.em, { beforeId, limit: query.limit + 1 });
    const items = await this.withQuestions(rows.slice(0, query.limit));
    const last = items.at(-1);
    return { items, nextCursor: rows.length > query.limit && last ? Cursor.encode([last.poll.id]) : null };
  }

  private async withQuestions(polls: PollHead[]): Promise<PollView[]> {
    if (polls.length === 0) return [];
    const ids = polls.map((poll) => poll.id);
    const marks = ids.map(() => '?').join(', ');
    const rows = await executePrepared<QuestionVoteRow>(
      this.em,
      `select q.id, q.poll_id as poll, q.content, q.ordering, v.total as voteCount,
              v.id as voteId, o.id as voterId, o.username as voterName, i.image_url as voterImageUrl
         from poll_question q
         left join (select id, question_id, owner_id,
                           row_number() over (partition by question_id order by id) as position,
                           count(*) over (partition by question_id) as total
                      from poll_vote where poll_id in (${marks})) v
           on v.question_id = q.id and v.position <= ?
         left join \`user\` o on o.id = v.owner_id
         left join image i on i.id = o.image_id
        where q.poll_id in (${marks})
        order by q.ordering, q.id, v.id`,
      [...ids, VOTES_SHOWN_PER_QUESTION, ...ids],
    );
    const byPoll = new Map<number, PollQuestionView[]>(polls.map((poll) => [poll.id, []]));
    let question: PollQuestionView | undefined;
    for (const row of rows) {
      if (question?.id !== row.id) {
        question = {
          id: row.id,
          content: row.content,
          ordering: row.ordering,
          voteCount: Number(row.voteCount ?? 0),
          votes: [],
          votesNextCursor: null,
        };
        byPoll.get(row.poll)?.push(question);
      }
      if (row.voteId !== null && row.voterId !== null) {
        const image = row.voterImageUrl === null ? null : { imageUrl: row.voterImageUrl };
        question.votes.push({ id: row.voteId, owner: { id: row.voterId, username: row.voterName ?? '', image } });
        if (question.votes.length === VOTES_SHOWN_PER_QUESTION && question.voteCount > VOTES_SHOWN_PER_QUESTION) {
          question.votesNextCursor = Cursor.encode([row.voteId]);
        }
      }
    }
    return polls.map((poll) => ({ poll, questions: byPoll.get(poll.id) ?? [] }));
  }
}
