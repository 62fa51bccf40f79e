import { Controller, Get, Header, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AppConfig } from '../config/app-config';
import { DomainError } from '../errors/domain-error';
import { Public } from '../http/public.decorator';
import { bearerMatches } from './metrics-token';
import { Metrics } from './metrics.service';

export const METRICS_TOKEN_REFUSAL = 'The metrics token is missing or wrong: send Authorization: Bearer <METRICS_TOKEN>';

/**
 * The Prometheus scrape. Not API for clients: left out of Swagger (so out of the query-budget
 * sweep; it runs no SQL, the pool gauge reads counters). `Public` only means the user JWT guard
 * steps aside: the metrics token is checked here. Without `METRICS_TOKEN` the route answers as
 * an unknown one.
 */
@Public()
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly config: AppConfig,
    private readonly metrics: Metrics,
  ) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  async scrape(@Req() req: Request, @Res() res: Response): Promise<void> {
    const token = this.config.metrics.token;
    // the body Nest gives a route it does not know
    if (!token) throw new DomainError('NOT_FOUND', `Cannot ${req.method} ${req.originalUrl}`);
    if (!bearerMatches(req.headers.authorization, token)) throw new DomainError('UNAUTHENTICATED', METRICS_TOKEN_REFUSAL);
    res.type(this.metrics.contentType).send(await this.metrics.text());
  }
}
