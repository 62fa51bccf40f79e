import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiExtraModels, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Endpoint, IdParamPipe, QueryBudget } from '@app/core';
import { type AuthenticatedUser, CurrentUser } from '@app/identity';
import { FeedType } from '../entities/feed.entity';
import { FeedReactionsService } from '../feed-reactions.service';
import { FeedRemovalService } from '../feed-removal.service';
import { FeedService } from '../feed.service';
import { CreateGameDto } from './dto/create-game.dto';
import { CreatePostDto } from './dto/create-post.dto';
import { CreateTeamDto } from './dto/create-team.dto';
import { FeedPageResponse } from './dto/feed-page.response';
import { FeedQueryDto } from './dto/feed-query.dto';
import {
  FEED_RESPONSE_MODELS,
  FEED_RESPONSE_SCHEMA,
  type FeedResponse,
  GameFeedResponse,
  PostFeedResponse,
  TeamFeedResponse,
  toFeedResponse,
} from './dto/feed.response';
import { JoinStateResponse, toJoinStateResponse } from './dto/join-state.response';
import { LikeStateResponse, toLikeStateResponse } from './dto/like-state.response';

@ApiTags('feed')
@ApiExtraModels(...FEED_RESPONSE_MODELS)
@Controller('feeds')
export class FeedController {
  constructor(
    private readonly feeds: FeedService,
    private readonly reactions: FeedReactionsService,
    private readonly removal: FeedRemovalService,
  ) {}

  @Get()
  @QueryBudget(3)
  @Endpoint({
    summary: 'The feed',
    description: 'Posts, games and teams in one list, newest first, cursor-paginated; ?type= for one kind.',
  })
  @ApiOkResponse({ type: FeedPageResponse })
  async page(@CurrentUser() me: AuthenticatedUser, @Query() query: FeedQueryDto): Promise<FeedPageResponse> {
    const page = await this.feeds.page(me.id, query);
    return { items: page.items.map(toFeedResponse), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @QueryBudget(2)
  @Endpoint({ summary: 'One feed item', errors: ['NOT_FOUND'] })
  @ApiOkResponse({ schema: FEED_RESPONSE_SCHEMA })
  async get(@CurrentUser() me: AuthenticatedUser, @Param('id', IdParamPipe) id: number): Promise<FeedResponse> {
    return toFeedResponse(await this.feeds.get(me.id, id));
  }

  @Post('posts')
  @Endpoint({ summary: 'Write a post' })
  @ApiCreatedResponse({ type: PostFeedResponse })
  async createPost(@CurrentUser() me: AuthenticatedUser, @Body() dto: CreatePostDto): Promise<FeedResponse> {
    return toFeedResponse(await this.feeds.create(me.id, { type: FeedType.Post, ...dto }));
  }

  @Post('games')
  @Endpoint({ summary: 'Announce a game' })
  @ApiCreatedResponse({ type: GameFeedResponse })
  async createGame(@CurrentUser() me: AuthenticatedUser, @Body() dto: CreateGameDto): Promise<FeedResponse> {
    return toFeedResponse(await this.feeds.create(me.id, { type: FeedType.Game, ...dto }));
  }

  @Post('teams')
  @Endpoint({ summary: 'Open a team room' })
  @ApiCreatedResponse({ type: TeamFeedResponse })
  async createTeam(@CurrentUser() me: AuthenticatedUser, @Body() dto: CreateTeamDto): Promise<FeedResponse> {
    return toFeedResponse(await this.feeds.create(me.id, { type: FeedType.Team, ...dto }));
  }

  @Delete(':id')
  @HttpCode(204)
  @Endpoint({
    summary: 'Remove an item (its author or staff)',
    description:
      'The item goes with its likes and joins, from every list at once: pages, detail (404) and similar items (the ' +
      'recommendation index drops it at its next rebuild, and until then it is filtered out of every answer). Staff may ' +
      'remove any item, and their removal is recorded in the audit log (`feed.delete`); a member may remove only their own.',
    errors: ['FORBIDDEN', 'NOT_FOUND'],
  })
  @ApiNoContentResponse({ description: 'Removed' })
  async remove(@CurrentUser() me: AuthenticatedUser, @Param('id', IdParamPipe) id: number): Promise<void> {
    await this.removal.remove(me.id, id);
  }

  @Post(':id/like')
  @HttpCode(200)
  @Endpoint({ summary: 'Like an item', description: 'One like per member; liking twice changes nothing.', errors: ['NOT_FOUND'] })
  @ApiOkResponse({ type: LikeStateResponse })
  async like(@CurrentUser() me: AuthenticatedUser, @Param('id', IdParamPipe) id: number): Promise<LikeStateResponse> {
    return toLikeStateResponse(await this.reactions.like(me.id, id));
  }

  @Delete(':id/like')
  @Endpoint({ summary: 'Take a like back', errors: ['NOT_FOUND'] })
  @ApiOkResponse({ type: LikeStateResponse })
  async unlike(@CurrentUser() me: AuthenticatedUser, @Param('id', IdParamPipe) id: number): Promise<LikeStateResponse> {
    return toLikeStateResponse(await this.reactions.unlike(me.id, id));
  }

  @Post(':id/join')
  @HttpCode(200)
  @Endpoint({ summary: 'Join a game or a team', errors: ['NOT_FOUND', 'JOIN_NOT_SUPPORTED'] })
  @ApiOkResponse({ type: JoinStateResponse })
  async join(@CurrentUser() me: AuthenticatedUser, @Param('id', IdParamPipe) id: number): Promise<JoinStateResponse> {
    return toJoinStateResponse(await this.reactions.join(me.id, id));
  }

  @Delete(':id/join')
  @Endpoint({ summary: 'Leave a game or a team', errors: ['NOT_FOUND', 'JOIN_NOT_SUPPORTED'] })
  @ApiOkResponse({ type: JoinStateResponse })
  async leave(@CurrentUser() me: AuthenticatedUser, @Param('id', IdParamPipe) id: number): Promise<JoinStateResponse> {
    return toJoinStateResponse(await this.reactions.leave(me.id, id));
  }
}
