import { ApiProperty } from '@nestjs/swagger';
import { PollDetailResponse } from './poll-detail.response';

export class PollPageResponse {
  @ApiProperty({ type: [PollDetailResponse] }) items!: PollDetailResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
