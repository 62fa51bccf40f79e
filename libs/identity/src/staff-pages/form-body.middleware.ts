import { AsyncResource } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';

/** The sign-in form is two short fields; anything longer is not a person typing. */
const FORM_LIMIT_BYTES = 4096;

/**
 * Parses an `application/x-www-form-urlencoded` body into `req.body` (last value of each name).
 * Mounted on `POST /login` only: the API itself speaks JSON, and a form body anywhere else stays
 * unread. Too large a body fails like body-parser's (413 `PAYLOAD_TOO_LARGE`). `next` is bound to
 * the request's async context: called from the stream's `end` event, it would otherwise lose the
 * ORM's request context (MikroORM's "Using global EntityManager" error).
 */
export function formBodyMiddleware(req: Request, _res: Response, next: NextFunction): void {
  if (!req.is('application/x-www-form-urlencoded')) return next();
  const chunks: Buffer[] = [];
  let size = 0;
  let done = false;
  const finish = AsyncResource.bind((error?: unknown) => {
    if (done) return;
    done = true;
    next(error);
  });
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > FORM_LIMIT_BYTES) {
      req.removeAllListeners('data');
      req.resume();
      return finish(Object.assign(new Error('request entity too large'), { type: 'entity.too.large', status: 413 }));
    }
    chunks.push(chunk);
  });
  req.on('end', () => {
    if (done) return;
    req.body = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
    finish();
  });
  req.on('error', finish);
}
