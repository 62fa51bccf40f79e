import { ApiProperty } from '@nestjs/swagger';
import { FeedResponse } from './feed.response';

export class FeedPageResponse {
  @ApiProperty({ type: [FeedResponse] }) items!: FeedResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
