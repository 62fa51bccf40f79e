import { Controller, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ErrorResponse, Public } from '@app/core';
import { AuthService } from '../auth/auth.service';
import { LocalAuthGuard } from '../auth/local-auth.guard';
import { LoginBodyGuard } from '../auth/login-body.guard';
import { LoginThrottlerGuard } from '../auth/login-throttler.guard';
import { SESSION_COOKIE, SESSION_COOKIE_PATH, SESSION_COOKIE_PATHS } from '../auth/session-cookie';
import type { User } from '../entities/user.entity';
import { LoginDto } from './dto/login.dto';
import { TokenResponse } from './dto/token.response';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @UseGuards(LoginThrottlerGuard, LoginBodyGuard, LocalAuthGuard)
  @ApiOperation({
    summary: 'Log in',
    description: `Exchanges a username and password for a bearer token. Also sets it as an HttpOnly, SameSite=Lax cookie \`${SESSION_COOKIE}\` for each of ${SESSION_COOKIE_PATHS.join(' and ')}, for the pages a browser opens there (the printable release sheet, the queue dashboard).`,
  })
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({
    type: TokenResponse,
    headers: {
      'Set-Cookie': {
        description: `${SESSION_COOKIE}=<token>; Path=${SESSION_COOKIE_PATH}; HttpOnly; SameSite=Lax (Secure over https)`,
        schema: { type: 'string' },
      },
    },
  })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'VALIDATION_FAILED' })
  @ApiUnauthorizedResponse({ type: ErrorResponse, description: 'INVALID_CREDENTIALS' })
  @ApiTooManyRequestsResponse({ type: ErrorResponse, description: 'TOO_MANY_REQUESTS, with Retry-After' })
  async login(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<TokenResponse> {
    const token = await this.auth.issueToken(request.user as User);
    this.auth.setSessionCookies(request, response, token);
    return token;
  }
}
