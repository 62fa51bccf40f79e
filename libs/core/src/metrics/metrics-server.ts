import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppConfig } from '../config/app-config';
import { errorBody } from '../errors/error-body';
import { METRICS_PATH } from './http-metrics';
import { METRICS_TOKEN_REFUSAL } from './metrics.controller';
import { bearerMatches } from './metrics-token';
import { Metrics } from './metrics.service';

/**
 * The worker's metrics listener on `WORKER_METRICS_PORT` (a process with no HTTP server of its
 * own): `GET /metrics` with the same bearer token as the API's, errors in the contract's shape,
 * everything else 404. The configuration refuses the port without a token.
 */
@Injectable()
export class MetricsServer implements OnApplicationShutdown {
  private readonly logger = new Logger('MetricsServer');
  private server: Server | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly metrics: Metrics,
  ) {}

  /** Listens when `WORKER_METRICS_PORT` is set (0 picks a free port); returns the port, or null when off. */
  async start(port = this.config.metrics.workerPort): Promise<number | null> {
    if (port === undefined) return null;
    const server = createServer((req, res) => void this.answer(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, () => resolve());
    });
    this.server = server;
    const bound = (server.address() as AddressInfo).port;
    this.logger.log(`Metrics at http://localhost:${bound}${METRICS_PATH}`);
    return bound;
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '').split('?')[0];
    if (req.method !== 'GET' || path !== METRICS_PATH) return sendJson(res, errorBody('NOT_FOUND', `Cannot ${req.method} ${path}`));
    if (!bearerMatches(req.headers.authorization, this.config.metrics.token))
      return sendJson(res, errorBody('UNAUTHENTICATED', METRICS_TOKEN_REFUSAL));
    try {
      const text = await this.metrics.text();
      res.writeHead(200, { 'Content-Type': this.metrics.contentType, 'Cache-Control': 'no-store' }).end(text);
    } catch (error) {
      this.logger.error(`Rendering the metrics failed: ${String(error)}`);
      sendJson(res, errorBody('INTERNAL_ERROR'));
    }
  }
}

function sendJson(res: ServerResponse, body: { statusCode: number }): void {
  res.writeHead(body.statusCode, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}
