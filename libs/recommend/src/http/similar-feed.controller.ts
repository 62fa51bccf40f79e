import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Endpoint, IdParamPipe, QueryBudget } from '@app/core';
import { type AuthenticatedUser, CurrentUser } from '@app/identity';
import { SimilarFeedService } from '../similar-feed.service';
import { SimilarFeedResponse, toSimilarFeedResponse } from './dto/similar-feed.response';
import { SimilarQueryDto } from './dto/similar-query.dto';

@ApiTags('feed')
@Controller('feeds')
export class SimilarFeedController {
  constructor(private readonly similar: SimilarFeedService) {}

  @Get(':id/similar')
  @QueryBudget(2)
  @Endpoint({
    summary: 'Items similar to this one',
    description:
      'Nearest items by cosine similarity of their hashed TF-IDF text vectors, best first, the item itself excluded, only items with ' +
      'some similarity (score > 0). Served from the recommendation index, which the worker rebuilds on a schedule (and ' +
      '`rebuild-index` on demand): items written since the last rebuild are not in it.',
    errors: ['NOT_FOUND', 'NOT_INDEXED', 'INDEX_NOT_READY'],
  })
  @ApiOkResponse({ type: [SimilarFeedResponse] })
  async get(
    @CurrentUser() me: AuthenticatedUser,
    @Param('id', IdParamPipe) id: number,
    @Query() query: SimilarQueryDto,
  ): Promise<SimilarFeedResponse[]> {
    return (await this.similar.similar(me.id, id, query.limit)).map(toSimilarFeedResponse);
  }
}
