import { Body, Controller, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Endpoint } from '@app/core';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { UserService } from '../user.service';
import { CreateUserDto } from './dto/create-user.dto';
import { SetImageDto } from './dto/set-image.dto';
import { toUserResponse, UserResponse } from './dto/user.response';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UserService) {}

  @Post()
  @Endpoint({ summary: 'Sign up', description: 'Creates a member account.', public: true, errors: ['USERNAME_TAKEN'] })
  @ApiCreatedResponse({ type: UserResponse })
  async signUp(@Body() dto: CreateUserDto): Promise<UserResponse> {
    return toUserResponse(await this.users.register(dto));
  }

  @Put('me/image')
  @Endpoint({ summary: 'Set my picture' })
  @ApiOkResponse({ type: UserResponse })
  async setMyImage(@CurrentUser() me: AuthenticatedUser, @Body() dto: SetImageDto): Promise<UserResponse> {
    return toUserResponse(await this.users.setImage(me.id, dto.imageUrl));
  }
}
