import { Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Endpoint, IdParamPipe, QueryBudget } from '@app/core';
import { type AuthenticatedUser, CurrentUser } from '@app/identity';
import { WaitlistService } from './waitlist.service';
import { toWaitlistEntryResponse, WaitlistEntryResponse } from './dto/waitlist-entry.response';

@ApiTags('gym: waitlist')
@Controller()
export class WaitlistController {
  constructor(private readonly waitlist: WaitlistService) {}

  @Post('lessons/:id/waitlist')
  @Endpoint({
    summary: 'Join a full lesson’s waitlist',
    description:
      'When a seat frees, the first waiting member with enough valid credit is booked and charged as by a booking, and emailed. Refusals in this order: LESSON_CLOSED (started, or within WAITLIST_CUTOFF_MINUTES of the start), LESSON_NOT_FULL (book instead), ALREADY_REGISTERED, ALREADY_WAITLISTED.',
    errors: ['NOT_FOUND', 'LESSON_CLOSED', 'LESSON_NOT_FULL', 'ALREADY_REGISTERED', 'ALREADY_WAITLISTED'],
    idempotent: true,
  })
  @ApiCreatedResponse({ type: WaitlistEntryResponse })
  async join(@CurrentUser() me: AuthenticatedUser, @Param('id', IdParamPipe) lessonId: number): Promise<WaitlistEntryResponse> {
    return toWaitlistEntryResponse(await this.waitlist.join(me.id, lessonId));
  }

  @Delete('waitlist/:id')
  @HttpCode(204)
  @Endpoint({
    summary: 'Leave a waitlist',
    description: 'Only a waiting entry can be left; it is deleted.',
    errors: ['NOT_FOUND', 'NOT_YOUR_WAITLIST_ENTRY', 'WAITLIST_ENTRY_CLOSED'],
  })
  @ApiNoContentResponse({ description: 'Left the waitlist' })
  async leave(@CurrentUser() me: AuthenticatedUser, @Param('id', IdParamPipe) id: number): Promise<void> {
    await this.waitlist.leave(me.id, id);
  }

  @Get('users/me/waitlist')
  @QueryBudget(1)
  @Endpoint({ summary: 'My waitlist entries', description: 'Waiting entries first (with their positions), then the others, newest first.' })
  @ApiOkResponse({ type: [WaitlistEntryResponse] })
  async mine(@CurrentUser() me: AuthenticatedUser): Promise<WaitlistEntryResponse[]> {
    return (await this.waitlist.mine(me.id)).map(toWaitlistEntryResponse);
  }
}
