import { Collection, Entity, ManyToOne, OneToMany, PrimaryKey, Property } from '@mikro-orm/core';
import type { Poll } from './poll.entity';
import { PollVote } from './poll-vote.entity';

/** One of a poll's answers to choose from. */
@Entity()
export class PollQuestion {
  @PrimaryKey()
  id!: number;

  @ManyToOne('Poll', { deleteRule: 'cascade' })
  poll: Poll;

  @Property({ length: 512 })
  content: string;

  @Property()
  ordering: number;

  @OneToMany(() => PollVote, (vote) => vote.question, { orderBy: { id: 'asc' } })
  votes = new Collection<PollVote>(this);

  constructor(poll: Poll, content: string, ordering: number) {
    this.poll = poll;
    this.content = content;
    this.ordering = ordering;
  }
}
