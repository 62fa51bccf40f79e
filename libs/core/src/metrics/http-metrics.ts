import { Injectable } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Counter, Histogram } from 'prom-client';
import { queryScopeOf } from '../query-count/query-count.middleware';
import { Metrics } from './metrics.service';

/** Where the scrape itself is served: left out of the request metrics, so scraping does not show in them. */
export const METRICS_PATH = '/metrics';

/** What a request that matched no route is labelled, whatever its URL: labels stay few. */
export const UNMATCHED_ROUTE = 'unmatched';

/** Seconds; most API routes answer in 1-20 ms on the bench, the release sheet and imports in more. */
const LATENCY_BUCKETS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
/** Statements per request; the query budgets are at most about a dozen. */
const STATEMENT_BUCKETS = [0, 1, 2, 3, 4, 6, 8, 12, 16, 24, 32];

type Labels = 'method' | 'route' | 'status';

/** Request counts, latency and statements per request, labelled by the route's pattern (`/lessons/:id`), not its URL. */
@Injectable()
export class HttpMetrics {
  readonly requests: Counter<Labels>;
  readonly duration: Histogram<Labels>;
  readonly statements: Histogram<'method' | 'route'>;

  constructor(metrics: Metrics) {
    this.requests = metrics.counter({
      name: 'gym_http_requests_total',
      help: 'HTTP requests answered',
      labelNames: ['method', 'route', 'status'],
    });
    this.duration = metrics.histogram({
      name: 'gym_http_request_duration_seconds',
      help: 'Time from the request arriving to the last byte of the response',
      labelNames: ['method', 'route', 'status'],
      buckets: LATENCY_BUCKETS,
    });
    this.statements = metrics.histogram({
      name: 'gym_http_request_statements',
      help: 'SQL statements one request ran (the X-Query-Count of development)',
      labelNames: ['method', 'route'],
      buckets: STATEMENT_BUCKETS,
    });
  }

  /**
   * Express middleware, installed before the routes. The route is read when the response
   * finishes: Express has set `req.route` by then for a request a controller answered (a wildcard
   * pattern there is middleware's, not a controller's). Requests
   * that middleware answered (the console under `/admin`, Swagger) are labelled by the prefix
   * they were mounted at, from `prefixes`; the rest are `unmatched`.
   */
  middleware(prefixes: readonly string[]): RequestHandler {
    const byLength = [...prefixes].sort((a, b) => b.length - a.length);
    return (req: Request, res: Response, next: NextFunction) => {
      if (req.path === METRICS_PATH) return next();
      const started = process.hrtime.bigint();
      res.once('finish', () => {
        const route = routeOf(req, byLength);
        const labels = { method: req.method, route, status: String(res.statusCode) };
        this.requests.inc(labels);
        this.duration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
        const scope = queryScopeOf(res);
        if (scope) this.statements.observe({ method: req.method, route }, scope.count);
      });
      next();
    };
  }
}

function routeOf(req: Request, prefixes: readonly string[]): string {
  const pattern = (req.route as { path?: unknown } | undefined)?.path;
  // a wildcard is Nest's middleware (`forRoutes('{*all}')`), which sets req.route too: no controller has one
  if (typeof pattern === 'string' && !pattern.includes('*')) return pattern;
  const path = req.originalUrl.split('?')[0];
  return prefixes.find((prefix) => path === prefix || path.startsWith(`${prefix}/`)) ?? UNMATCHED_ROUTE;
}
