import { ApiProperty } from '@nestjs/swagger';
import { PollVoteResponse } from './poll-vote.response';

export class PollVotePageResponse {
  @ApiProperty({ type: [PollVoteResponse] }) items!: PollVoteResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
