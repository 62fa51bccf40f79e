import { Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller';

/** `GET /metrics` for the API; the app also imports `MetricsModule`. */
@Module({ controllers: [MetricsController] })
export class MetricsApiModule {}
