import { ApiProperty } from '@nestjs/swagger';
import type { User } from '@app/identity';
import type { PollView, VoterView } from '../../poll.service';

export class UserImageResponse {
  @ApiProperty() imageUrl!: string;
}

export class UserSummaryResponse {
  @ApiProperty() id!: number;
  @ApiProperty() username!: string;
  @ApiProperty({ type: UserImageResponse, nullable: true }) image!: UserImageResponse | null;
}

export class PollVoteResponse {
  @ApiProperty() id!: number;
  @ApiProperty({ type: UserSummaryResponse, nullable: true, description: "null in anonymous polls, except for the viewer's own votes" })
  owner!: UserSummaryResponse | null;
}

export class PollQuestionResponse {
  @ApiProperty() id!: number;
  @ApiProperty() content!: string;
  @ApiProperty() ordering!: number;
  @ApiProperty() voteCount!: number;
  @ApiProperty({ type: [PollVoteResponse] }) votes!: PollVoteResponse[];
}

export class PollDetailResponse {
  @ApiProperty() id!: number;
  @ApiProperty({ type: UserSummaryResponse }) owner!: UserSummaryResponse;
  @ApiProperty() head!: string;
  @ApiProperty() message!: string;
  @ApiProperty({ type: String, nullable: true, example: '2030-01-15T09:00:00.000Z' }) endTime!: string | null;
  @ApiProperty() isAnonymousVote!: boolean;
  @ApiProperty() isMultipleVote!: boolean;
  @ApiProperty({ type: [PollQuestionResponse] }) questions!: PollQuestionResponse[];
}

export class PollPageResponse {
  @ApiProperty({ type: [PollDetailResponse] }) items!: PollDetailResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

function toUserSummary(user: User | VoterView): UserSummaryResponse {
  return { id: user.id, username: user.username, image: user.image ? { imageUrl: user.image.imageUrl } : null };
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
