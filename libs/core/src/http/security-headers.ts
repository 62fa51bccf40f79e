import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

/** The Content-Security-Policy directives of one path's pages (helmet's spelling). */
export type PolicyDirectives = Record<string, string[] | null>;

/**
 * The staff console (a react-admin/MUI build served at /admin): scripts and everything else from
 * this origin only; inline styles allowed because emotion (MUI) injects `<style>` tags at run
 * time; images and fonts also as `data:`/`blob:` URLs (MUI's icons, react-admin's image inputs);
 * no framing, no plugins; and no `upgrade-insecure-requests`, so it works over plain http.
 */
export const CONSOLE_POLICY: PolicyDirectives = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  objectSrc: ["'none'"],
};

/**
 * helmet's security headers on every answer. Pages that ship their own inline script get the
 * same headers without helmet's default Content-Security-Policy: the printable release sheet sets
 * its own nonce-based policy, and the queue dashboard (bull-board) needs its inline bootstrap.
 * Pages served over plain http (`plainHttpPaths`, the Swagger UI) keep helmet's policy without
 * `upgrade-insecure-requests`: opened as http://<machine-ip>:8000 or behind the compose nginx on
 * port 80, that directive makes the browser ask for the page's CSS and JS over https, and the page
 * stays blank. `pagePolicies` give a path (the path itself and everything below it, matched after
 * `pathsWithOwnPolicy`: `/admin/queues` keeps its own) a policy of its own, exactly as written.
 */
export function securityHeaders(
  pathsWithOwnPolicy: string[],
  plainHttpPaths: string[] = [],
  pagePolicies: Record<string, PolicyDirectives> = {},
): RequestHandler {
  const strict = helmet();
  const withoutPolicy = helmet({ contentSecurityPolicy: false });
  const plainHttp = helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } });
  const pages = Object.entries(pagePolicies).map(([path, directives]) => ({
    matches: (req: Request) => req.path === path || req.path.startsWith(`${path}/`),
    headers: helmet({ contentSecurityPolicy: { useDefaults: false, directives } }),
  }));
  const under = (paths: string[], req: Request) => paths.some((path) => req.path.startsWith(path));
  const pick = (req: Request): RequestHandler => {
    if (under(pathsWithOwnPolicy, req)) return withoutPolicy;
    const page = pages.find((candidate) => candidate.matches(req));
    if (page) return page.headers;
    return under(plainHttpPaths, req) ? plainHttp : strict;
  };
  return (req: Request, res: Response, next: NextFunction) => pick(req)(req, res, next);
}
