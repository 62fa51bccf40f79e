import type { NextFunction, Request, Response } from 'express';
import { DomainError } from '../errors/domain-error';

export class MalformedJsonError extends DomainError {
  constructor() {
    super('MALFORMED_JSON');
  }
}

/**
 * Express error middleware placed right after the JSON body parser: invalid JSON becomes a
 * `MalformedJsonError`; other parser errors (too large, bad charset) pass on to the filter.
 */
export function bodyParserErrors(error: unknown, _req: Request, _res: Response, next: NextFunction): void {
  const type = (error as { type?: unknown } | null)?.type;
  next(type === 'entity.parse.failed' ? new MalformedJsonError() : error);
}
