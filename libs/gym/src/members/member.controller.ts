import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Endpoint, IdParamPipe, QueryBudget } from '@app/core';
import { type AuthenticatedUser, CurrentUser, toUserResponse } from '@app/identity';
import { MemberProfileService } from './member-profile.service';
import { MemberBookingsReader } from './member-bookings.reader';
import { MemberBookingQueryDto } from '../bookings/dto/member-booking-query.dto';
import { MemberBookingPageResponse } from '../bookings/dto/member-booking-page.response';
import { toMemberBookingResponse } from '../bookings/dto/member-booking.response';
import { MemberDetailResponse, toMemberDetailResponse } from './dto/member-detail.response';

@ApiTags('users')
@Controller('users')
export class MemberController {
  constructor(
    private readonly profiles: MemberProfileService,
    private readonly bookings: MemberBookingsReader,
  ) {}

  @Get('me')
  @QueryBudget(3)
  @Endpoint({ summary: 'My account', description: 'My profile, credit balance and every reservation record, newest first.' })
  @ApiOkResponse({ type: MemberDetailResponse })
  async me(@CurrentUser() me: AuthenticatedUser): Promise<MemberDetailResponse> {
    return this.detail(me, me.id);
  }

  @Get('me/bookings')
  @QueryBudget(1)
  @Endpoint({
    summary: 'My bookings',
    description:
      'upcoming (the default): booked, the lesson not started, soonest first; past: booked, the lesson started, newest first; cancelled: most recently cancelled first. Each with what it spent and got back.',
  })
  @ApiOkResponse({ type: MemberBookingPageResponse })
  async myBookings(@CurrentUser() me: AuthenticatedUser, @Query() query: MemberBookingQueryDto): Promise<MemberBookingPageResponse> {
    const page = await this.bookings.page(me.id, query);
    return { items: page.items.map(toMemberBookingResponse), nextCursor: page.nextCursor };
  }

  // after `me/bookings`: Nest matches routes in the order they are declared
  @Get(':id/bookings')
  @QueryBudget(2) // the user's row (403/404) when it is not the caller; the page
  @Endpoint({
    summary: "A member's bookings",
    description:
      'The page GET /users/me/bookings shows, for another member (staff) or oneself. A member asking for another member is 403; an unknown id is 404.',
    errors: ['FORBIDDEN', 'NOT_FOUND'],
  })
  @ApiOkResponse({ type: MemberBookingPageResponse })
  async bookingsOf(
    @CurrentUser() viewer: AuthenticatedUser,
    @Param('id', IdParamPipe) id: number,
    @Query() query: MemberBookingQueryDto,
  ): Promise<MemberBookingPageResponse> {
    const page = await this.profiles.bookingsVisibleTo(viewer, id, query);
    return { items: page.items.map(toMemberBookingResponse), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @QueryBudget(3)
  @Endpoint({ summary: 'A member', description: 'Members may read themselves; staff may read anyone.', errors: ['FORBIDDEN', 'NOT_FOUND'] })
  @ApiOkResponse({ type: MemberDetailResponse })
  async byId(@CurrentUser() viewer: AuthenticatedUser, @Param('id', IdParamPipe) id: number): Promise<MemberDetailResponse> {
    return this.detail(viewer, id);
  }

  private async detail(viewer: AuthenticatedUser, id: number): Promise<MemberDetailResponse> {
    const profile = await this.profiles.get(viewer, id);
    return toMemberDetailResponse(profile, toUserResponse(profile.user));
  }
}
