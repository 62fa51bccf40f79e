import { ApiProperty } from '@nestjs/swagger';
import { UserSummaryResponse } from './user-summary.response';

export class PollVoteResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty({ type: UserSummaryResponse, nullable: true, description: "null in anonymous polls, except for the viewer's own votes" })
  owner!: UserSummaryResponse | null;
}
