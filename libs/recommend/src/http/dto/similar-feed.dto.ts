import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { FeedResponse, toFeedResponse } from '@app/feed';
import type { SimilarFeed } from '../../similar-feed.service';

export const SIMILAR_DEFAULT_LIMIT = 10;
export const SIMILAR_MAX_LIMIT = 50;

export class SimilarQueryDto {
  @ApiPropertyOptional({ default: SIMILAR_DEFAULT_LIMIT, minimum: 1, maximum: SIMILAR_MAX_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(SIMILAR_MAX_LIMIT)
  limit: number = SIMILAR_DEFAULT_LIMIT;
}

export class SimilarFeedResponse {
  @ApiProperty({ type: FeedResponse, description: 'The item, in the shape of GET /feeds/:id' })
  feed!: FeedResponse;

  @ApiProperty({ example: 0.82, description: 'Cosine similarity of the two items’ TF-IDF vectors, in (0, 1]' })
  score!: number;
}

export const toSimilarFeedResponse = ({ view, score }: SimilarFeed): SimilarFeedResponse => ({ feed: toFeedResponse(view), score });
