import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Endpoint } from '../http/endpoint.decorator';
import { QueryBudget } from '../query-count/query-budget.decorator';
import { HealthResponse } from './health.response';
import { HealthService } from './health.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @QueryBudget(1)
  @Endpoint({
    summary: 'Liveness and dependencies',
    description:
      'MySQL and Redis reachability, and whether Redis persists the queues across a restart (redisPersistence). 503 when a dependency is down.',
    public: true,
    // the JSON body parser runs on every route: a body that is not JSON is refused even here
    errors: ['MALFORMED_JSON'],
  })
  @ApiOkResponse({ type: HealthResponse })
  @ApiServiceUnavailableResponse({ type: HealthResponse })
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthResponse> {
    const report = await this.health.check();
    if (report.healthy) return { status: 'ok', db: report.db, redis: report.redis, redisPersistence: report.redisPersistence };
    const down = (['db', 'redis'] as const).filter((name) => report[name] === 'down');
    res.status(503);
    return {
      statusCode: 503,
      code: 'DEPENDENCY_DOWN',
      message: `${down.join(' and ')} ${down.length > 1 ? 'are' : 'is'} down`,
      status: 'error',
      db: report.db,
      redis: report.redis,
      redisPersistence: report.redisPersistence,
    };
  }
}
