import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

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
