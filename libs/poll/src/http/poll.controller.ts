import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Endpoint, IdParamPipe, QueryBudget } from '@app/core';
import { type AuthenticatedUser, CurrentUser } from '@app/identity';
import { PollClosingService } from '../poll-closing.service';
import { PollVotesReader } from '../poll-votes.reader';
import { PollVotingService } from '../poll-voting.service';
import { PollService } from '../poll.service';
import { CreatePollDto } from './dto/create-poll.dto';
import { PollDetailResponse, toPollDetailResponse } from './dto/poll-detail.response';
import { toUserSummary } from './dto/user-summary.response';
import { PollPageResponse } from './dto/poll-page.response';
import { PollQueryDto } from './dto/poll-query.dto';
import { PollVotePageResponse } from './dto/poll-vote-page.response';
import { VoteDto } from './dto/vote.dto';

@ApiTags('polls')
@Controller('polls')
export class PollController {
  constructor(
    private readonly polls: PollService,
    private readonly voting: PollVotingService,
    private readonly votes: PollVotesReader,
    private readonly closing: PollClosingService,
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

  @Get(':id/questions/:questionId/votes')
  @QueryBudget(2)
  @Endpoint({
    summary: "A question's votes, oldest first",
    description: 'Continues the first 20 votes a poll lists with each question: pass its votesNextCursor as cursor. Cursor-paginated.',
    errors: ['NOT_FOUND'],
  })
  @ApiOkResponse({ type: PollVotePageResponse })
  async questionVotes(
    @CurrentUser() me: AuthenticatedUser,
    @Param('id', IdParamPipe) id: number,
    @Param('questionId', IdParamPipe) questionId: number,
    @Query() query: PollQueryDto,
  ): Promise<PollVotePageResponse> {
    const page = await this.votes.page(id, questionId, me.id, query);
    return {
      items: page.items.map((vote) => ({ id: vote.id, owner: vote.owner && toUserSummary(vote.owner) })),
      nextCursor: page.nextCursor,
    };
  }

  @Post(':id/close')
  @HttpCode(200)
  @Endpoint({
    summary: 'Close a poll now (its owner or staff)',
    description:
      "Sets the poll's endTime to now (the gym's clock); votes and retractions are refused from then on (409 POLL_CLOSED). " +
      'Closing a poll that has already ended, closed or past its endTime, is 409 POLL_CLOSED and changes nothing: the moment ' +
      'a poll ended is recorded once. Every close is recorded in the audit log (`poll.close`, endTime before and after).',
    errors: ['FORBIDDEN', 'NOT_FOUND', 'POLL_CLOSED'],
  })
  @ApiOkResponse({ type: PollDetailResponse })
  async close(@CurrentUser() me: AuthenticatedUser, @Param('id', IdParamPipe) id: number): Promise<PollDetailResponse> {
    await this.closing.close(me.id, id);
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
