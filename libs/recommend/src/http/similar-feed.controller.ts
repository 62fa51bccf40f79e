import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { ErrorResponse, IdParamPipe, QueryBudget } from '@app/core';
import { type AuthenticatedUser, CurrentUser } from '@app/identity';
import { SimilarFeedService } from '../similar-feed.service';
import { SimilarFeedResponse, toSimilarFeedResponse } from './dto/similar-feed.response';
import { SimilarQueryDto } from './dto/similar-query.dto';

@ApiTags('feed')
@ApiBearerAuth()
@Controller('feeds')
export class SimilarFeedController {
  constructor(private readonly similar: SimilarFeedService) {}

  @Get(':id/similar')
  @QueryBudget(2)
  @ApiOperation({
    summary: 'Items similar to this one',
    description:
      'Nearest items by cosine similarity of their hashed TF-IDF text vectors, best first, the item itself excluded, only items with ' +
      'some similarity (score > 0). Served from the recommendation index, which the worker rebuilds on a schedule (and ' +
      '`rebuild-index` on demand): items written since the last rebuild are not in it.',
  })
  @ApiOkResponse({ type: [SimilarFeedResponse] })
  @ApiNotFoundResponse({
    type: ErrorResponse,
    description: '`NOT_FOUND`: no such item. `NOT_INDEXED`: the item is newer than the index (it is included from the next rebuild).',
  })
  @ApiServiceUnavailableResponse({ type: ErrorResponse, description: '`INDEX_NOT_READY`: no index has been built yet.' })
  async get(
    @CurrentUser() me: AuthenticatedUser,
    @Param('id', IdParamPipe) id: number,
    @Query() query: SimilarQueryDto,
  ): Promise<SimilarFeedResponse[]> {
    return (await this.similar.similar(me.id, id, query.limit)).map(toSimilarFeedResponse);
  }
}
