import { Injectable } from '@nestjs/common';
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/mysql';
import { Clock, inTransaction, NotFoundError } from '@app/core';
import { User } from '@app/identity';
import { PollQuestion } from './entities/poll-question.entity';
import { PollVote } from './entities/poll-vote.entity';
import { Poll } from './entities/poll.entity';
import { AlreadyVotedError, ForeignQuestionError, MultipleNotAllowedError, PollClosedError } from './poll.errors';

/**
 * Casting and retracting votes. The checks give clear answers; the unique keys on `poll_vote`
 * decide when two requests race (the loser gets ALREADY_VOTED and nothing is written). The poll's
 * row is read under a shared lock: votes do not wait for one another, but a close in progress
 * (`PollClosingService` locks the row for update) is waited for and then seen, so no vote lands
 * after the moment a poll was closed.
 */
@Injectable()
export class PollVotingService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
  ) {}

  vote(userId: number, pollId: number, questionIds: number[]): Promise<void> {
    return inTransaction(this.em, async (em) => {
      const poll = await em.findOne(Poll, pollId, { lockMode: LockMode.PESSIMISTIC_READ });
      if (!poll) throw new NotFoundError('Poll', pollId);
      const questions = await em.find(PollQuestion, { id: { $in: questionIds }, poll });
      const foreign = questionIds.filter((id) => !questions.some((question) => question.id === id));
      if (foreign.length > 0) throw new ForeignQuestionError(foreign);
      if (poll.isClosedAt(this.clock.now())) throw new PollClosedError();
      if (!poll.isMultipleVote && questionIds.length > 1) throw new MultipleNotAllowedError();
      const owner = em.getReference(User, userId);
      const earlier = await em.count(PollVote, poll.isMultipleVote ? { owner, question: { $in: questions } } : { owner, poll });
      if (earlier > 0) throw new AlreadyVotedError();
      em.persist(questions.map((question) => new PollVote(poll, question, owner)));
      try {
        await em.flush();
      } catch (error) {
        if (error instanceof UniqueConstraintViolationException) throw new AlreadyVotedError();
        throw error;
      }
    });
  }

  /** Takes back every vote the member cast in the poll. */
  retract(userId: number, pollId: number): Promise<void> {
    return inTransaction(this.em, async (em) => {
      const poll = await em.findOne(Poll, pollId, { lockMode: LockMode.PESSIMISTIC_READ });
      if (!poll) throw new NotFoundError('Poll', pollId);
      if (poll.isClosedAt(this.clock.now())) throw new PollClosedError();
      await em.nativeDelete(PollVote, { poll, owner: userId });
    });
  }
}
