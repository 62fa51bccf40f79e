import { ApiProperty } from '@nestjs/swagger';
import { PollVoteResponse } from './poll-vote.response';

export class PollQuestionResponse {
  @ApiProperty() id!: number;
  @ApiProperty() content!: string;
  @ApiProperty() ordering!: number;
  @ApiProperty() voteCount!: number;
  @ApiProperty({ type: [PollVoteResponse] }) votes!: PollVoteResponse[];
}
