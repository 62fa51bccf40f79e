import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

/**
 * helmet's security headers on every answer. Pages that ship their own inline script get the
 * same headers without helmet's default Content-Security-Policy: the printable release sheet sets
 * its own nonce-based policy, and the queue dashboard (bull-board) needs its inline bootstrap.
 * Pages served over plain http (`plainHttpPaths`, the Swagger UI) keep helmet's policy without
 * `upgrade-insecure-requests`: opened as http://<machine-ip>:8000 or behind the compose nginx on
 * port 80, that directive makes the browser ask for the page's CSS and JS over https, and the page
 * stays blank.
 */
export function securityHeaders(pathsWithOwnPolicy: string[], plainHttpPaths: string[] = []): RequestHandler {
  const strict = helmet();
  const withoutPolicy = helmet({ contentSecurityPolicy: false });
  const plainHttp = helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } });
  const under = (paths: string[], req: Request) => paths.some((path) => req.path.startsWith(path));
  return (req: Request, res: Response, next: NextFunction) =>
    (under(pathsWithOwnPolicy, req) ? withoutPolicy : under(plainHttpPaths, req) ? plainHttp : strict)(req, res, next);
}
