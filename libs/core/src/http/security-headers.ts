import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

/**
 * helmet's security headers on every answer. Pages that ship their own inline script get the
 * same headers without helmet's default Content-Security-Policy: the printable release sheet sets
 * its own nonce-based policy, and the queue dashboard (bull-board) needs its inline bootstrap.
 */
export function securityHeaders(pathsWithOwnPolicy: string[]): RequestHandler {
  const strict = helmet();
  const withoutPolicy = helmet({ contentSecurityPolicy: false });
  return (req: Request, res: Response, next: NextFunction) =>
    (pathsWithOwnPolicy.some((path) => req.path.startsWith(path)) ? withoutPolicy : strict)(req, res, next);
}
