import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Endpoint, IdParamPipe, QueryBudget } from '@app/core';
import { type AuthenticatedUser, CurrentUser } from '@app/identity';
import { PollVotingService } from '../poll-voting.service';
import { PollService } from '../poll.service';
import { CreatePollDto } from './dto/create-poll.dto';
import { PollDetailResponse, toPollDetailResponse } from './dto/poll-detail.response';
import { PollPageResponse } from './dto/poll-page.response';
import { PollQueryDto } from './dto/poll-query.dto';
import { VoteDto } from './dto/vote.dto';

@ApiTags('polls')
@Controller('polls')
export class PollController {
  constructor(
    private readonly polls: PollService,
    private readonly voting: PollVotingService,
  ) {}

  @Post()
  @Endpoint({ summary: 'Create a poll', errors: ['VALIDATION_FAILED', 'INVALID_END_TIME'] })
  @ApiCreatedResponse({ type: PollDetailResponse })
  async create(@CurrentUser() me: AuthenticatedUser, @Body() dto: CreatePollDto): Promise<PollDetailResponse> {
    const view = await this.polls.create(me.id, { ...dto, endTime: dto.endTime ? new Date(dto.endTime) : null });
    return toPollDetailResponse(view, me.id);
  }

  @Get()
  @QueryBudget(2)
  @Endpoint({
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
  @Endpoint({ summary: 'A poll with its questions, votes and voters', errors: ['NOT_FOUND'] })
  @ApiOkResponse({ type: PollDetailResponse })
  async get(@CurrentUser() me: AuthenticatedUser, @Param('id', IdParamPipe) id: number): Promise<PollDetailResponse> {
    return toPollDetailResponse(await this.polls.get(id), me.id);
  }

  @Post(':id/votes')
  @Endpoint({
    summary: 'Vote',
    description: 'One question, or several in a multiple-choice poll; each at most once.',
    errors: ['VALIDATION_FAILED', 'INVALID_QUESTION', 'NOT_FOUND', 'POLL_CLOSED', 'MULTIPLE_NOT_ALLOWED', 'ALREADY_VOTED'],
  })
  @ApiCreatedResponse({ type: PollDetailResponse })
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
  @Endpoint({ summary: 'Take back my votes', errors: ['NOT_FOUND', 'POLL_CLOSED'] })
  @ApiNoContentResponse()
  async retract(@CurrentUser() me: AuthenticatedUser, @Param('id', IdParamPipe) id: number): Promise<void> {
    await this.voting.retract(me.id, id);
  }
}
