import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { TooManyRequestsError } from '@app/core';
import { safeNextPath } from './safe-next-path';
import { renderLoginPage, sendPage } from './staff-page.view';

/** Past the login limit, the form says so (429 with `Retry-After`) instead of answering JSON. */
@Catch(TooManyRequestsError)
export class LoginFormThrottledFilter implements ExceptionFilter {
  catch(error: TooManyRequestsError, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    const body = (request.body ?? {}) as Record<string, unknown>;
    const seconds = error.retryAfterSeconds;
    const page = renderLoginPage(
      {
        next: safeNextPath(body.next ?? request.query.next),
        username: typeof body.username === 'string' ? body.username : '',
        message: `로그인 시도가 너무 많습니다. ${seconds}초 뒤에 다시 시도하세요. Too many attempts: try again in ${seconds} s.`,
      },
      429,
    );
    response.set('Retry-After', String(seconds));
    sendPage(response, page);
  }
}
