import { Collection, Entity, ManyToOne, OneToMany, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { storedInstant } from '@app/core';
import { PollClosedError } from '../poll.errors';
import { User } from '@app/identity';
import { PollQuestion } from './poll-question.entity';

@Entity()
export class Poll {
  @PrimaryKey()
  id!: number;

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  owner: User;

  @Property({ length: 50 })
  head: string;

  @Property({ length: 128 })
  message: string;

  /** Votes are refused from this instant on; null for a poll that never closes. */
  @Property({ type: 'datetime', nullable: true })
  endTime: Date | null;

  @Property()
  isAnonymousVote: boolean;

  @Property()
  isMultipleVote: boolean;

  @OneToMany(() => PollQuestion, (question) => question.poll, { orderBy: { ordering: 'asc', id: 'asc' } })
  questions = new Collection<PollQuestion>(this);

  @Property({ type: 'datetime', defaultRaw: 'CURRENT_TIMESTAMP' })
  createdAt: Date & Opt = storedInstant();

  constructor(owner: User, props: Pick<Poll, 'head' | 'message' | 'endTime' | 'isAnonymousVote' | 'isMultipleVote'>, questions: string[]) {
    this.owner = owner;
    this.head = props.head;
    this.message = props.message;
    this.endTime = props.endTime;
    this.isAnonymousVote = props.isAnonymousVote;
    this.isMultipleVote = props.isMultipleVote;
    questions.forEach((content, index) => this.questions.add(new PollQuestion(this, content, index + 1)));
  }

  isClosedAt(instant: Date): boolean {
    return this.endTime !== null && this.endTime.getTime() <= instant.getTime();
  }

  /** Ends the poll now: votes are refused from `instant` on. A poll that has already ended stays as it ended. */
  closeAt(instant: Date): void {
    if (this.isClosedAt(instant)) throw new PollClosedError();
    this.endTime = storedInstant(instant);
  }
}
