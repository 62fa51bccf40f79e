import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Endpoint, IdParamPipe, QueryBudget } from '@app/core';
import { type AuthenticatedUser, CurrentUser, toUserResponse } from '@app/identity';
import { MemberProfileService } from './member-profile.service';
import { MemberDetailResponse, toMemberDetailResponse } from './dto/member-detail.response';

@ApiTags('users')
@Controller('users')
export class MemberController {
  constructor(private readonly profiles: MemberProfileService) {}

  @Get('me')
  @QueryBudget(3)
  @Endpoint({ summary: 'My account', description: 'My profile, credit balance and every reservation record, newest first.' })
  @ApiOkResponse({ type: MemberDetailResponse })
  async me(@CurrentUser() me: AuthenticatedUser): Promise<MemberDetailResponse> {
    return this.detail(me, me.id);
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
