import { Entity, ManyToOne, type Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { storedInstant } from '@app/core';
import { User } from '@app/identity';
import type { PollQuestion } from './poll-question.entity';
import type { Poll } from './poll.entity';

/**
 * A member's vote for one question. The database holds the rules even when requests race: one vote
 * per member and question, and, in a single-choice poll, one vote per member and poll (the
 * generated `exclusive_owner_id` is the voter in single-choice polls and NULL otherwise).
 */
@Entity()
@Unique({ name: 'poll_vote_one_per_question', properties: ['question', 'owner'] })
@Unique({ name: 'poll_vote_one_per_single_choice_poll', properties: ['poll', 'exclusiveOwnerId'] })
export class PollVote {
  @PrimaryKey()
  id!: number;

  @ManyToOne('Poll', { deleteRule: 'cascade' })
  poll: Poll;

  @ManyToOne('PollQuestion', { deleteRule: 'cascade' })
  question: PollQuestion;

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  owner: User;

  /** Cast in a single-choice poll. */
  @Property()
  exclusive: boolean;

  @Property({
    columnType: 'int unsigned',
    nullable: true,
    generated: '(case when `exclusive` then `owner_id` end) virtual',
    persist: false,
    hidden: true,
  })
  exclusiveOwnerId?: number & Opt;

  @Property({ type: 'datetime', defaultRaw: 'CURRENT_TIMESTAMP' })
  createdAt: Date & Opt = storedInstant();

  constructor(poll: Poll, question: PollQuestion, owner: User) {
    this.poll = poll;
    this.question = question;
    this.owner = owner;
    this.exclusive = !poll.isMultipleVote;
  }
}
