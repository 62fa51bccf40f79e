import { Body, Controller, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Endpoint } from '@app/core';
import { CurrentUser } from '../auth/auth.decorators';
import { AuthService } from '../auth/auth.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { LocalAuthGuard } from '../auth/local-auth.guard';
import { LoginBodyGuard } from '../auth/login-body.guard';
import { RateLimited } from '../auth/rate-limit.guard';
import { SESSION_COOKIE, SESSION_COOKIE_PATH, SESSION_COOKIE_PATHS } from '../auth/session-cookie';
import type { User } from '../entities/user.entity';
import { LoginDto } from './dto/login.dto';
import { RefreshTokenDto } from './dto/refresh-token.dto';
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
    description: `Exchanges a username and password for a short-lived access token (\`expiresIn\` seconds) and a refresh token that renews it at POST /auth/refresh. Also sets the access token as an HttpOnly, SameSite=Lax cookie \`${SESSION_COOKIE}\` for each of ${SESSION_COOKIE_PATHS.join(' and ')}, for the pages a browser opens there (the printable release sheet, the queue dashboard).`,
    public: true,
    body: LoginDto,
    errors: ['INVALID_CREDENTIALS', 'ACCOUNT_DISABLED', 'TOO_MANY_REQUESTS'],
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
    const tokens = await this.auth.startSession(request.user as User);
    this.auth.setSessionCookies(request, response, tokens);
    return tokens;
  }

  @Post('refresh')
  @HttpCode(200)
  @Endpoint({
    summary: 'Renew the tokens',
    description:
      'Exchanges a refresh token for a new access token and a new refresh token; the one sent stops working. A refresh token that is unknown, expired, revoked or already used, or of a deactivated account (deactivation revokes them), is 401 INVALID_REFRESH_TOKEN, and one already used also revokes every refresh token of its login (a stolen copy that its owner already exchanged ends the session).',
    public: true,
    errors: ['INVALID_REFRESH_TOKEN'],
  })
  @ApiOkResponse({ type: TokenResponse })
  refresh(@Body() dto: RefreshTokenDto): Promise<TokenResponse> {
    return this.auth.refresh(dto.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  @Endpoint({
    summary: 'Log out',
    description:
      'Revokes the refresh token and every other refresh token of the same login. Idempotent: a token that is unknown, already revoked or of another user changes nothing and is still 204. Access tokens already issued keep working until they expire (JWT_EXPIRES_IN).',
  })
  @ApiNoContentResponse({ description: 'The login is over' })
  async logout(@CurrentUser() me: AuthenticatedUser, @Body() dto: RefreshTokenDto): Promise<void> {
    await this.auth.logout(me.id, dto.refreshToken);
  }
}
