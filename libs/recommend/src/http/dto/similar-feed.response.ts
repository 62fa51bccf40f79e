import { ApiExtraModels, ApiProperty } from '@nestjs/swagger';
import { FEED_RESPONSE_MODELS, FEED_RESPONSE_SCHEMA, type FeedResponse, toFeedResponse } from '@app/feed';
import type { SimilarFeed } from '../../similar-feed.service';

@ApiExtraModels(...FEED_RESPONSE_MODELS)
export class SimilarFeedResponse {
  @ApiProperty({ ...FEED_RESPONSE_SCHEMA, description: 'The item, in the shape of GET /feeds/:id' })
  feed!: FeedResponse;

  @ApiProperty({ example: 0.82, description: 'Cosine similarity of the two items’ TF-IDF vectors, in (0, 1]' })
  score!: number;
}

export const toSimilarFeedResponse = ({ view, score }: SimilarFeed): SimilarFeedResponse => ({ feed: toFeedResponse(view), score });
