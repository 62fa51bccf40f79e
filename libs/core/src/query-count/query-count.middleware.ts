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

/**
 * Gives each request its own query scope and, outside production, reports the number of
 * statements it ran in `X-Query-Count` (set as the headers go out, so it counts them all).
 */
@Injectable()
export class QueryCountMiddleware implements NestMiddleware {
  constructor(private readonly config: AppConfig) {}

  use(_req: Request, res: Response, next: NextFunction): void {
    const scope = new QueryScope();
    scopes.set(res, scope);
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
