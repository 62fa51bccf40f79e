import { Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '@app/core';
import { AuthService } from '../auth/auth.service';
import { RateLimited } from '../auth/rate-limit.guard';
import { safeNextPath } from './safe-next-path';
import { LoginFormThrottledFilter } from './login-form-throttled.filter';
import { renderLoginPage, sendPage } from './staff-page.view';

const field = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * The browser's way in to the staff pages (the release sheet, the queue dashboard): a plain HTML
 * form, no script. Signing in sets the same HttpOnly session cookie as `POST /auth/login` and
 * returns to `?next=` when that is a path on this site. Pages, not API: left out of Swagger.
 */
@Public()
@ApiExcludeController()
@Controller()
export class LoginPageController {
  constructor(private readonly auth: AuthService) {}

  @Get('login')
  form(@Req() request: Request, @Res() response: Response): void {
    sendPage(response, renderLoginPage({ next: safeNextPath(request.query.next) }));
  }

  /** Same limits as `POST /auth/login`; a refusal shows the form again with the reason. */
  @Post('login')
  @UseFilters(LoginFormThrottledFilter)
  @RateLimited('login')
  async signIn(@Req() request: Request, @Res() response: Response): Promise<void> {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const next = safeNextPath(body.next ?? request.query.next);
    const username = field(body.username).trim();
    const password = field(body.password);
    if (!username || !password) {
      return sendPage(
        response,
        renderLoginPage({ next, username, message: '아이디와 비밀번호를 입력하세요. Enter a username and a password.' }, 400),
      );
    }
    const token = await this.auth.signIn(username, password);
    if (typeof token === 'string') {
      const message =
        token === 'ACCOUNT_DISABLED'
          ? '비활성화된 계정입니다. This account has been deactivated.'
          : '아이디 또는 비밀번호가 맞지 않습니다. The username or password is wrong.';
      return sendPage(response, renderLoginPage({ next, username, message }, 401));
    }
    this.auth.setSessionCookies(request, response, token);
    response.redirect(303, next);
  }

  /** Clears the session cookie, then offers the form again (returning to `?next=` after it). */
  @Get('logout')
  @Post('logout')
  logout(@Req() request: Request, @Res() response: Response): void {
    this.auth.clearSessionCookies(request, response);
    response.set('Cache-Control', 'no-store').redirect(303, `/login?next=${encodeURIComponent(safeNextPath(request.query.next))}`);
  }
}
