import { Controller, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Endpoint } from '@app/core';
import { AuthService } from '../auth/auth.service';
import { LocalAuthGuard } from '../auth/local-auth.guard';
import { LoginBodyGuard } from '../auth/login-body.guard';
import { RateLimited } from '../auth/rate-limit.guard';
import { SESSION_COOKIE, SESSION_COOKIE_PATH, SESSION_COOKIE_PATHS } from '../auth/session-cookie';
import type { User } from '../entities/user.entity';
import { LoginDto } from './dto/login.dto';
import { TokenResponse } from './dto/token.response';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @UseGuards(LoginBodyGuard, LocalAuthGuard)
  @RateLimited('login')
  @Endpoint({
    summary: 'Log in',
    description: `Exchanges a username and password for a bearer token. Also sets it as an HttpOnly, SameSite=Lax cookie \`${SESSION_COOKIE}\` for each of ${SESSION_COOKIE_PATHS.join(' and ')}, for the pages a browser opens there (the printable release sheet, the queue dashboard).`,
    public: true,
    body: LoginDto,
    errors: ['INVALID_CREDENTIALS', 'TOO_MANY_REQUESTS'],
  })
  @ApiOkResponse({
    type: TokenResponse,
    headers: {
      'Set-Cookie': {
        description: `${SESSION_COOKIE}=<token>; Path=${SESSION_COOKIE_PATH}; HttpOnly; SameSite=Lax (Secure over https)`,
        schema: { type: 'string' },
      },
    },
  })
  async login(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<TokenResponse> {
    const token = await this.auth.issueToken(request.user as User);
    this.auth.setSessionCookies(request, response, token);
    return token;
  }
}
