import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorResponse, IdParamPipe, QueryBudget } from '@app/core';
import { type AuthenticatedUser, CurrentUser } from '@app/identity';
import { PollVotingService } from '../poll-voting.service';
import { PollService } from '../poll.service';
import { CreatePollDto } from './dto/create-poll.dto';
import { PollDetailResponse, toPollDetailResponse } from './dto/poll-detail.response';
import { PollPageResponse } from './dto/poll-page.response';
import { PollQueryDto } from './dto/poll-query.dto';
import { VoteDto } from './dto/vote.dto';

@ApiTags('polls')
@ApiBearerAuth()
@Controller('polls')
export class PollController {
  constructor(
    private readonly polls: PollService,
    private readonly voting: PollVotingService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a poll' })
  @ApiCreatedResponse({ type: PollDetailResponse })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'VALIDATION_FAILED, INVALID_END_TIME' })
  async create(@CurrentUser() me: AuthenticatedUser, @Body() dto: CreatePollDto): Promise<PollDetailResponse> {
    const view = await this.polls.create(me.id, { ...dto, endTime: dto.endTime ? new Date(dto.endTime) : null });
    return toPollDetailResponse(view, me.id);
  }

  @Get()
  @QueryBudget(2)
  @ApiOperation({
    summary: 'Polls, newest first',
    description: 'Each with its questions, votes and voters; cursor-paginated; two statements per page.',
  })
  @ApiOkResponse({ type: PollPageResponse })
  async page(@CurrentUser() me: AuthenticatedUser, @Query() query: PollQueryDto): Promise<PollPageResponse> {
    const page = await this.polls.page(query);
    return { items: page.items.map((view) => toPollDetailResponse(view, me.id)), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @QueryBudget(2)
  @ApiOperation({ summary: 'A poll with its questions, votes and voters' })
  @ApiOkResponse({ type: PollDetailResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async get(@CurrentUser() me: AuthenticatedUser, @Param('id', IdParamPipe) id: number): Promise<PollDetailResponse> {
    return toPollDetailResponse(await this.polls.get(id), me.id);
  }

  @Post(':id/votes')
  @ApiOperation({ summary: 'Vote', description: 'One question, or several in a multiple-choice poll; each at most once.' })
  @ApiCreatedResponse({ type: PollDetailResponse })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'VALIDATION_FAILED, INVALID_QUESTION (a question of another poll)' })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'POLL_CLOSED, MULTIPLE_NOT_ALLOWED, ALREADY_VOTED' })
  async vote(
    @CurrentUser() me: AuthenticatedUser,
    @Param('id', IdParamPipe) id: number,
    @Body() dto: VoteDto,
  ): Promise<PollDetailResponse> {
    await this.voting.vote(me.id, id, dto.questionIds);
    return toPollDetailResponse(await this.polls.get(id), me.id);
  }

  @Delete(':id/votes')
  @HttpCode(204)
  @ApiOperation({ summary: 'Take back my votes' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'POLL_CLOSED' })
  async retract(@CurrentUser() me: AuthenticatedUser, @Param('id', IdParamPipe) id: number): Promise<void> {
    await this.voting.retract(me.id, id);
  }
}
