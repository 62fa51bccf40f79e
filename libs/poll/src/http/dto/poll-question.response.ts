import { ApiProperty } from '@nestjs/swagger';
import { PollVoteResponse } from './poll-vote.response';

export class PollQuestionResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty() content!: string;
  @ApiProperty({ type: 'integer' }) ordering!: number;
  @ApiProperty({ type: 'integer' }) voteCount!: number;
  @ApiProperty({ type: [PollVoteResponse], description: 'The first 20 votes, oldest first; voteCount counts all of them' })
  votes!: PollVoteResponse[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'When there are more votes than listed: the cursor for GET /polls/{id}/questions/{questionId}/votes',
  })
  votesNextCursor!: string | null;
}
