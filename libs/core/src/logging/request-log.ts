import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Level, Logger } from 'pino';
import { QUERY_COUNT_HEADER } from '../query-count/query-count.middleware';

/** Requests that are not worth a line: the health probe, asked every few seconds. */
const UNLOGGED_PATHS = new Set(['/health']);

function levelFor(res: Response): Level {
  return res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info';
}

/**
 * One short line per request once it is answered: request id, method, URL, status, milliseconds
 * and, where `X-Query-Count` is on (outside production), the statements it ran. No headers, no
 * bodies, so nothing to redact and little to serialize. The line is built only when its level is
 * on; what every request pays is a child logger carrying its id (`req.log`, which nestjs-pino binds
 * to the request so that whatever a service logs names it) and one listener.
 * Replaces pino-http, which serialized the request into a child logger, called its custom
 * properties twice and compared their JSON on every request, whatever the level (docs/performance.md).
 */
export function requestLog(root: Logger): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const log = root.child({ requestId: req.id });
    req.log = log;
    if (!UNLOGGED_PATHS.has(req.path)) {
      const started = Date.now();
      res.once('close', () => {
        const level = levelFor(res);
        if (!log.isLevelEnabled(level)) return;
        const statements = res.getHeader(QUERY_COUNT_HEADER);
        log[level](
          {
            req: { method: req.method, url: req.originalUrl },
            res: { statusCode: res.statusCode },
            responseTime: Date.now() - started,
            ...(statements === undefined ? {} : { statements: Number(statements) }),
          },
          res.writableFinished ? 'request completed' : 'request aborted',
        );
      });
    }
    next();
  };
}
