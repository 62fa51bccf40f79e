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
import { REFRESH_COOKIE, REFRESH_COOKIE_PATH, SESSION_COOKIE, SESSION_COOKIE_PATHS } from '../auth/session-cookie';
import type { User } from '../entities/user.entity';
import { LoginDto } from './dto/login.dto';
import { RefreshTokenDto } from './dto/refresh-token.dto';
import { SessionTokensResponse } from './dto/token.response';

const SESSION_COOKIES = SESSION_COOKIE_PATHS.map(
  (path) => `${SESSION_COOKIE}=<accessToken>; Path=${path}; HttpOnly; SameSite=Lax; Max-Age=<expiresIn>`,
);
const REFRESH_COOKIE_HEADER = `${REFRESH_COOKIE}=<refreshToken>; Path=${REFRESH_COOKIE_PATH}; HttpOnly; SameSite=Strict; Max-Age=<REFRESH_TOKEN_DAYS in seconds>`;

/** The Set-Cookie header of a login or a refresh, as Swagger shows it. */
const SET_COOKIE = {
  'Set-Cookie': {
    description: `${SESSION_COOKIES.join(' and ')}; with the refresh token in the cookie, also ${REFRESH_COOKIE_HEADER}. Each Secure over https.`,
    schema: { type: 'string' },
  },
};

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
    description: `Exchanges a username and password for a short-lived access token (\`expiresIn\` seconds) and a refresh token that renews it at POST /auth/refresh. With \`refreshTokenIn: "cookie"\` (browser apps) the refresh token is not in the answer but in the HttpOnly, SameSite=Strict cookie \`${REFRESH_COOKIE}\` sent only to ${REFRESH_COOKIE_PATH}, so page scripts never hold it. Also sets the access token as an HttpOnly, SameSite=Lax cookie \`${SESSION_COOKIE}\` for each of ${SESSION_COOKIE_PATHS.join(' and ')}, for the pages a browser opens there (the printable release sheet, the queue dashboard).`,
    public: true,
    body: LoginDto,
    errors: ['INVALID_CREDENTIALS', 'ACCOUNT_DISABLED', 'TOO_MANY_REQUESTS'],
  })
  @ApiOkResponse({ type: SessionTokensResponse, headers: SET_COOKIE })
  async login(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<SessionTokensResponse> {
    const tokens = await this.auth.startSession(request.user as User);
    return this.auth.deliver(request, response, tokens, (request.body as LoginDto).refreshTokenIn ?? 'body');
  }

  @Post('refresh')
  @HttpCode(200)
  @Endpoint({
    summary: 'Renew the tokens',
    description: `Exchanges a refresh token for a new access token and a new refresh token; the one sent stops working. The token is the body's \`refreshToken\`, or, when the body has none, the \`${REFRESH_COOKIE}\` cookie: the new one then goes back in that cookie and not in the answer. Either way the staff pages' \`${SESSION_COOKIE}\` cookies are set again with the new access token. A refresh token that is missing, unknown, expired, revoked or already used, or of a deactivated account (deactivation revokes them), is 401 INVALID_REFRESH_TOKEN (a refused cookie is cleared), and one already used also revokes every refresh token of its login (a stolen copy that its owner already exchanged ends the session).`,
    public: true,
    errors: ['INVALID_REFRESH_TOKEN'],
  })
  @ApiOkResponse({ type: SessionTokensResponse, headers: SET_COOKIE })
  refresh(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @Body() dto: RefreshTokenDto,
  ): Promise<SessionTokensResponse> {
    return this.auth.refreshFrom(request, response, dto.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  @Endpoint({
    summary: 'Log out',
    description: `Revokes the refresh token (the body's \`refreshToken\`, else the \`${REFRESH_COOKIE}\` cookie) and every other refresh token of the same login, and clears the \`${REFRESH_COOKIE}\` and \`${SESSION_COOKIE}\` cookies. Idempotent: a token that is unknown, already revoked or of another user, or no token at all, changes nothing and is still 204. Access tokens already issued keep working until they expire (JWT_EXPIRES_IN).`,
  })
  @ApiNoContentResponse({
    description: 'The login is over',
    headers: {
      'Set-Cookie': {
        description: `Clears ${REFRESH_COOKIE} (Path=${REFRESH_COOKIE_PATH}) and ${SESSION_COOKIE}`,
        schema: { type: 'string' },
      },
    },
  })
  async logout(
    @CurrentUser() me: AuthenticatedUser,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @Body() dto: RefreshTokenDto,
  ): Promise<void> {
    await this.auth.logoutFrom(request, response, me.id, dto.refreshToken);
  }
}
