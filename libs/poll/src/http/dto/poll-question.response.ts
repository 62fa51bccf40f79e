import { ApiProperty } from '@nestjs/swagger';
import { PollVoteResponse } from './poll-vote.response';

export class PollQuestionResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty() content!: string;
  @ApiProperty({ type: 'integer' }) ordering!: number;
  @ApiProperty({ type: 'integer' }) voteCount!: number;
  @ApiProperty({ type: [PollVoteResponse] }) votes!: PollVoteResponse[];
}
