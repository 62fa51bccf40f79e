import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import { type CreateContextOptions, type ForkOptions, IsolationLevel, RequestContext } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/mysql';
import { lastValueFrom, type Observable, of } from 'rxjs';
import { type AfterCommitTask, collectingAfterCommit, runAfterCommit } from '../database/after-commit';
import { retryOnDeadlock } from '../database/retry-on-deadlock';
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
 * RequestContext forks the EntityManager it is given with these options (its declared type lists
 * only `schema` and `loggerContext`): the request's EntityManager stays in the transaction.
 */
const JOIN_TRANSACTION = { keepTransactionContext: true } as ForkOptions as CreateContextOptions;

/** How a keyed request ended inside its transaction. */
type Outcome =
  { kind: 'replay'; statusCode: number; body: unknown } | { kind: 'answered'; body: unknown } | { kind: 'refused'; error: unknown };

/**
 * For routes marked `@Idempotent()`: a request with an `Idempotency-Key` runs once per user and
 * key; a repeat gets the first answer (2xx or 4xx) again. The key is claimed, the handler runs and
 * its answer is stored in one transaction (READ COMMITTED; the services' own transactions become
 * savepoints of it, see `inTransaction`), so a crash at any point rolls back the claim with the
 * operation, and a retry either replays the committed answer or runs afresh: no key is left "in
 * progress". A refusal rolls back the handler's savepoint and commits the key with the refusal; a
 * 5xx rolls back everything, so a retry runs again. Deadlocks retry the whole. Without the header
 * the route runs as usual and this costs no statement.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly store: IdempotencyStore,
    private readonly em: EntityManager,
  ) {}

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
    const userId = user.id;
    const hash = requestHash(req);
    // what the handler defers until its writes are committed (emails), run after this transaction's commit
    let deferred: AfterCommitTask[] = [];
    const outcome = await retryOnDeadlock(() => {
      deferred = [];
      return collectingAfterCommit(deferred, () =>
        this.em
          .fork()
          .transactional((tx) => this.runOnce(tx, userId, key, hash, next, res), { isolationLevel: IsolationLevel.READ_COMMITTED }),
      );
    });
    await runAfterCommit(deferred);
    if (outcome.kind === 'refused') throw outcome.error;
    if (outcome.kind === 'replay') {
      res.status(outcome.statusCode).setHeader(IDEMPOTENT_REPLAYED_HEADER, 'true');
      return of(outcome.body);
    }
    return of(outcome.body);
  }

  private async runOnce(tx: EntityManager, userId: number, key: string, hash: string, next: CallHandler, res: Response): Promise<Outcome> {
    const claim = await this.store.claim(tx, userId, key, hash);
    if (claim.kind === 'replay') return claim;
    try {
      // the handler's writes in a savepoint, its services seeing this transaction as the request's
      const body = await tx.transactional((handlerTx) =>
        RequestContext.create(handlerTx, () => lastValueFrom(next.handle(), { defaultValue: undefined }), JOIN_TRANSACTION),
      );
      await this.store.complete(tx, claim.id, res.statusCode, body);
      return { kind: 'answered', body };
    } catch (error) {
      const answer = knownErrorBody(error);
      if (!answer || answer.statusCode < 400 || answer.statusCode >= 500) throw error;
      await this.store.complete(tx, claim.id, answer.statusCode, answer);
      return { kind: 'refused', error };
    }
  }
}
