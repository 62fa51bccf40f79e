import { Module } from '@nestjs/common';
import {
  ConfigModule,
  DatabaseModule,
  HealthModule,
  IdempotencyModule,
  LoggingModule,
  MetricsApiModule,
  MetricsModule,
  QueueRootModule,
} from '@app/core';
import { FeedApiModule } from '@app/feed';
import { GymApiModule } from '@app/gym';
import { IdentityApiModule } from '@app/identity';
import { JobsApiModule } from '@app/jobs';
import { PollApiModule } from '@app/poll';
import { RecommendApiModule } from '@app/recommend';
import { ReleaseApiModule } from '@app/release';

/** The HTTP process: domain modules with their controllers. It consumes no queue. */
@Module({
  imports: [
    ConfigModule,
    LoggingModule,
    DatabaseModule.forRoot({ readReplicas: true }),
    QueueRootModule,
    HealthModule,
    MetricsModule,
    MetricsApiModule,
    IdempotencyModule,
    IdentityApiModule,
    GymApiModule,
    FeedApiModule,
    PollApiModule,
    RecommendApiModule,
    JobsApiModule,
    ReleaseApiModule,
  ],
})
export class AppModule {}
