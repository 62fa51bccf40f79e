import { Body, Controller, Patch, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Endpoint } from '@app/core';
import { CurrentUser } from '../auth/auth.decorators';
import { AuthService } from '../auth/auth.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { RateLimited } from '../auth/rate-limit.guard';
import { UserService } from '../user.service';
import { CreateUserDto } from './dto/create-user.dto';
import { SetImageDto } from './dto/set-image.dto';
import { SignUpResponse, toSignUpResponse } from './dto/sign-up.response';
import { UpdateMeDto } from './dto/update-me.dto';
import { toUserResponse, UserResponse } from './dto/user.response';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UserService,
    private readonly auth: AuthService,
  ) {}

  @Post()
  @RateLimited('signup')
  @Endpoint({
    summary: 'Sign up',
    description:
      'Creates a member account and logs it in: the answer carries an access token and a refresh token, as POST /auth/login does. At most SIGNUP_RATE_LIMIT sign-ups per client address in 10 minutes.',
    public: true,
    errors: ['USERNAME_TAKEN', 'TOO_MANY_REQUESTS'],
  })
  @ApiCreatedResponse({ type: SignUpResponse })
  async signUp(@Body() dto: CreateUserDto): Promise<SignUpResponse> {
    const { user, tokens } = await this.auth.signUp(dto);
    return toSignUpResponse(user, tokens);
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
