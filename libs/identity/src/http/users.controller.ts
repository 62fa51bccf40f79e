import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorResponse, IdParamPipe, Public } from '@app/core';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { UserService } from '../user.service';
import { CreateUserDto } from './dto/create-user.dto';
import { SetImageDto } from './dto/set-image.dto';
import { toUserDetailResponse, UserDetailResponse } from './dto/user-detail.response';
import { toUserResponse, UserResponse } from './dto/user.response';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UserService) {}

  @Public()
  @Post()
  @ApiOperation({ summary: 'Sign up', description: 'Creates a member account.' })
  @ApiCreatedResponse({ type: UserResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'USERNAME_TAKEN' })
  async signUp(@Body() dto: CreateUserDto): Promise<UserResponse> {
    return toUserResponse(await this.users.register(dto));
  }

  @Get('me')
  @ApiOperation({ summary: 'My account', description: 'My profile with my credit balance and every reservation record.' })
  @ApiOkResponse({ type: UserDetailResponse })
  async me(@CurrentUser() me: AuthenticatedUser): Promise<UserDetailResponse> {
    return toUserDetailResponse(await this.users.getById(me.id));
  }

  @Get(':id')
  @ApiOperation({ summary: 'A member', description: 'Members may read themselves; staff may read anyone.' })
  @ApiOkResponse({ type: UserDetailResponse })
  @ApiForbiddenResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async byId(@CurrentUser() viewer: AuthenticatedUser, @Param('id', IdParamPipe) id: number): Promise<UserDetailResponse> {
    return toUserDetailResponse(await this.users.getVisibleTo(viewer, id));
  }

  @Put('me/image')
  @ApiOperation({ summary: 'Set my picture' })
  @ApiOkResponse({ type: UserResponse })
  async setMyImage(@CurrentUser() me: AuthenticatedUser, @Body() dto: SetImageDto): Promise<UserResponse> {
    return toUserResponse(await this.users.setImage(me.id, dto.imageUrl));
  }
}
