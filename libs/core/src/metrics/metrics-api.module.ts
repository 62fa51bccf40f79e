import { Module } from '@nestjs/common';
import { HttpMetrics } from './http-metrics';
import { MetricsController } from './metrics.controller';

/** `GET /metrics` and the request metrics (`configureApp` installs their middleware); the app also imports `MetricsModule`. */
@Module({ controllers: [MetricsController], providers: [HttpMetrics], exports: [HttpMetrics] })
export class MetricsApiModule {}
