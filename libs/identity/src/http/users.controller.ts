import { Body, Controller, Patch, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Endpoint } from '@app/core';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { RateLimited } from '../auth/rate-limit.guard';
import { UserService } from '../user.service';
import { CreateUserDto } from './dto/create-user.dto';
import { SetImageDto } from './dto/set-image.dto';
import { UpdateMeDto } from './dto/update-me.dto';
import { toUserResponse, UserResponse } from './dto/user.response';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UserService) {}

  @Post()
  @RateLimited('signup')
  @Endpoint({
    summary: 'Sign up',
    description: 'Creates a member account. At most SIGNUP_RATE_LIMIT sign-ups per client address in 10 minutes.',
    public: true,
    errors: ['USERNAME_TAKEN', 'TOO_MANY_REQUESTS'],
  })
  @ApiCreatedResponse({ type: UserResponse })
  async signUp(@Body() dto: CreateUserDto): Promise<UserResponse> {
    return toUserResponse(await this.users.register(dto));
  }

  @Patch('me')
  @Endpoint({
    summary: 'Change my account',
    description: 'Phone number, email (null removes it) and password; a new password needs currentPassword.',
    errors: ['INVALID_CREDENTIALS'],
  })
  @ApiOkResponse({ type: UserResponse })
  async updateMe(@CurrentUser() me: AuthenticatedUser, @Body() dto: UpdateMeDto): Promise<UserResponse> {
    return toUserResponse(await this.users.updateOwn(me.id, dto));
  }

  @Put('me/image')
  @Endpoint({ summary: 'Set my picture' })
  @ApiOkResponse({ type: UserResponse })
  async setMyImage(@CurrentUser() me: AuthenticatedUser, @Body() dto: SetImageDto): Promise<UserResponse> {
    return toUserResponse(await this.users.setImage(me.id, dto.imageUrl));
  }
}
