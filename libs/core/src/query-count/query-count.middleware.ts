import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { AppConfig } from '../config/app-config';
import { QueryScope, QueryScopes } from './query-scope';

export const QUERY_COUNT_HEADER = 'X-Query-Count';

const scopes = new WeakMap<Response, QueryScope>();

/** The query scope of a request, by its response (the HTTP metrics read its count when it finishes). */
export function queryScopeOf(res: Response): QueryScope | undefined {
  return scopes.get(res);
}

/** Methods that only read: their requests may read from a replica until they write. */
const READING_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Gives each request its own query scope and, outside production, reports the number of
 * statements it ran in `X-Query-Count` (set as the headers go out, so it counts them all).
 * A request whose method writes reads from the primary from its first statement: what it checks
 * before its transaction (the caller's account, an idempotency key) must not lag behind.
 */
@Injectable()
export class QueryCountMiddleware implements NestMiddleware {
  constructor(private readonly config: AppConfig) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const scope = new QueryScope();
    scopes.set(res, scope);
    if (!READING_METHODS.has(req.method)) scope.pinToPrimary();
    if (this.config.exposesQueryCount) {
      const writeHead = res.writeHead;
      res.writeHead = function (this: Response, ...args: Parameters<Response['writeHead']>) {
        if (!this.headersSent) this.setHeader(QUERY_COUNT_HEADER, String(scope.count));
        return writeHead.apply(this, args);
      } as Response['writeHead'];
    }
    QueryScopes.run(scope, next);
  }
}
