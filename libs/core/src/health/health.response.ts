import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { RedisPersistence } from '../redis/redis-persistence';

export class HealthResponse {
  @ApiProperty({ enum: ['ok', 'error'] })
  status!: 'ok' | 'error';

  @ApiProperty({ enum: ['up', 'down'] })
  db!: 'up' | 'down';

  @ApiProperty({ enum: ['up', 'down'] })
  redis!: 'up' | 'down';

  @ApiProperty({
    enum: ['aof', 'rdb', 'none', 'unknown'],
    description:
      'How Redis keeps queued jobs across its restart: aof (every write), rdb (snapshots: loses what came after the last), none (loses everything queued), unknown (Redis down or CONFIG refused)',
  })
  redisPersistence!: RedisPersistence;

  @ApiPropertyOptional({ type: 'integer', example: 503, description: 'Only when a dependency is down' })
  statusCode?: number;

  @ApiPropertyOptional({ example: 'DEPENDENCY_DOWN' })
  code?: string;

  @ApiPropertyOptional({ example: 'redis is down' })
  message?: string;
}
