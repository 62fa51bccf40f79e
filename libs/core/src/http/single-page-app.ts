import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';

export interface SinglePageAppOptions {
  /** The build: `index.html` and the hashed files under `assets/`. */
  dir: string;
  /** Paths below the mount point that belong to someone else (`/queues`): passed on untouched. */
  exclude?: string[];
  /** What to run when the build is missing (the 503 says so). */
  buildHint: string;
}

const YEAR_SECONDS = 31_536_000;

/**
 * Serves a built single-page app below its mount point (a Vite build):
 * - `assets/<name>-<hash>.<ext>`: the file, cacheable for a year (`immutable`: its name changes
 *   with its content); a missing asset goes on to the app's 404, never to index.html;
 * - anything else a GET or HEAD asks for (`/`, `/index.html`, a client-side route such as
 *   `/users/7`): index.html with `Cache-Control: no-cache`, so a new build is seen at once;
 * - without index.html, 503 with a short page naming the build step, not a stack trace.
 * Other methods, and the excluded paths, go on to the next handler. The directory is checked on
 * each page request (one stat), so building while the API runs needs no restart.
 */
export function singlePageApp(options: SinglePageAppOptions): RequestHandler {
  const assets = express.static(join(options.dir, 'assets'), {
    immutable: true,
    maxAge: YEAR_SECONDS * 1000,
    index: false,
    redirect: false,
    fallthrough: true,
  });
  const index = join(options.dir, 'index.html');
  const excluded = (path: string) => (options.exclude ?? []).some((prefix) => path === prefix || path.startsWith(`${prefix}/`));

  return (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || excluded(req.path)) return next();
    if (req.path.startsWith('/assets/')) {
      const url = req.url;
      req.url = url.slice('/assets'.length);
      return assets(req, res, () => {
        req.url = url;
        next();
      });
    }
    if (!existsSync(index)) {
      res
        .status(503)
        .type('text/plain')
        .set('Cache-Control', 'no-store')
        .send(`The staff console is not built: its index.html is missing. Run \`${options.buildHint}\` to build it, then reload.\n`);
      return;
    }
    res.sendFile(index, { cacheControl: false, lastModified: true, headers: { 'Cache-Control': 'no-cache' } }, (error?: Error) => {
      if (error && !res.headersSent) next(error);
    });
  };
}
