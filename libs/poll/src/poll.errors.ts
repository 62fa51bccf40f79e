import { DomainError } from '@app/core';

export class PollClosedError extends DomainError {
  constructor() {
    super('POLL_CLOSED', 'The poll has ended');
  }
}

export class AlreadyVotedError extends DomainError {
  constructor() {
    super('ALREADY_VOTED', 'You have already voted for this');
  }
}

export class MultipleNotAllowedError extends DomainError {
  constructor() {
    super('MULTIPLE_NOT_ALLOWED', 'This poll takes one choice per member');
  }
}

export class ForeignQuestionError extends DomainError {
  constructor(ids: number[]) {
    super('INVALID_QUESTION', `Not questions of this poll: ${ids.join(', ')}`);
  }
}

export class PollEndTimeInPastError extends DomainError {
  constructor() {
    super('INVALID_END_TIME', 'endTime must be in the future');
  }
}
