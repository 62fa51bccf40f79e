import { ApiProperty } from '@nestjs/swagger';
import type { PollView } from '../../poll.service';
import { UserSummaryResponse, toUserSummary } from './user-summary.response';
import { PollQuestionResponse } from './poll-question.response';

export class PollDetailResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty({ type: UserSummaryResponse }) owner!: UserSummaryResponse;
  @ApiProperty() head!: string;
  @ApiProperty() message!: string;
  @ApiProperty({ type: String, nullable: true, example: '2030-01-15T09:00:00.000Z' }) endTime!: string | null;
  @ApiProperty() isAnonymousVote!: boolean;
  @ApiProperty() isMultipleVote!: boolean;
  @ApiProperty({ type: [PollQuestionResponse] }) questions!: PollQuestionResponse[];
}

/** In an anonymous poll, only the viewer sees a voter, and only on their own votes. */
export function toPollDetailResponse({ poll, questions }: PollView, viewerId: number): PollDetailResponse {
  return {
    id: poll.id,
    owner: toUserSummary(poll.owner),
    head: poll.head,
    message: poll.message,
    endTime: poll.endTime ? poll.endTime.toISOString() : null,
    isAnonymousVote: poll.isAnonymousVote,
    isMultipleVote: poll.isMultipleVote,
    questions: questions.map((question) => {
      const votes = question.votes;
      return {
        id: question.id,
        content: question.content,
        ordering: question.ordering,
        voteCount: votes.length,
        votes: votes.map((vote) => ({
          id: vote.id,
          owner: poll.isAnonymousVote && vote.owner.id !== viewerId ? null : toUserSummary(vote.owner),
        })),
      };
    }),
  };
}
