import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import { catchError, from, mergeMap, type Observable, of } from 'rxjs';
import { knownErrorBody } from '../errors/error-body';
import { ValidationFailedError } from '../errors/validation-failed.error';
import { IdempotencyStore } from './idempotency.store';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';
const ACCEPTABLE_KEY = /^[\x20-\x7e]{1,255}$/;

/** What makes two requests "the same": method, path (with query) and body. */
export function requestHash(req: Request): string {
  return createHash('sha256')
    .update(JSON.stringify([req.method, req.originalUrl, req.body ?? null]))
    .digest('hex');
}

/**
 * For routes marked `@Idempotent()`: a request with an `Idempotency-Key` runs once per user and
 * key; a repeat gets the first answer (2xx or 4xx) again. 5xx answers are not stored, so a retry
 * runs again. Without the header the route runs as usual and this costs no statement.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly store: IdempotencyStore) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = context.switchToHttp().getRequest<Request>();
    const res = context.switchToHttp().getResponse<Response>();
    const key = req.header(IDEMPOTENCY_KEY_HEADER);
    if (key === undefined) return next.handle();
    if (!ACCEPTABLE_KEY.test(key)) {
      throw new ValidationFailedError([
        { field: IDEMPOTENCY_KEY_HEADER, messages: [`${IDEMPOTENCY_KEY_HEADER} must be 1 to 255 printable ASCII characters`] },
      ]);
    }
    const user = req.user as { id?: unknown } | undefined;
    if (typeof user?.id !== 'number') return next.handle();
    const claim = await this.store.claim(user.id, key, requestHash(req));
    if (claim.kind === 'replay') {
      res.status(claim.statusCode).setHeader(IDEMPOTENT_REPLAYED_HEADER, 'true');
      return of(claim.body);
    }
    return next.handle().pipe(
      mergeMap(async (body: unknown) => {
        await this.store.complete(claim.id, res.statusCode, body);
        return body;
      }),
      catchError((error: unknown) => from(this.settleFailure(claim.id, error))),
    );
  }

  /** Stores a 4xx answer to replay; forgets the key after anything else. Rethrows either way. */
  private async settleFailure(id: string, error: unknown): Promise<never> {
    const answer = knownErrorBody(error);
    if (answer && answer.statusCode >= 400 && answer.statusCode < 500) await this.store.complete(id, answer.statusCode, answer);
    else await this.store.release(id);
    throw error;
  }
}
