import { ApiExtraModels, ApiProperty } from '@nestjs/swagger';
import { FEED_RESPONSE_MODELS, FEED_RESPONSE_SCHEMA, type FeedResponse } from './feed.response';

@ApiExtraModels(...FEED_RESPONSE_MODELS)
export class FeedPageResponse {
  @ApiProperty({ type: 'array', items: FEED_RESPONSE_SCHEMA }) items!: FeedResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
