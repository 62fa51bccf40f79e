import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class HealthResponse {
  @ApiProperty({ enum: ['ok', 'error'] })
  status!: 'ok' | 'error';

  @ApiProperty({ enum: ['up', 'down'] })
  db!: 'up' | 'down';

  @ApiProperty({ enum: ['up', 'down'] })
  redis!: 'up' | 'down';

  @ApiPropertyOptional({ type: 'integer', example: 503, description: 'Only when a dependency is down' })
  statusCode?: number;

  @ApiPropertyOptional({ example: 'DEPENDENCY_DOWN' })
  code?: string;

  @ApiPropertyOptional({ example: 'redis is down' })
  message?: string;
}
