import { Module } from '@nestjs/common';
import { ConfigModule, DatabaseModule, HealthService, RedisModule } from '@app/core';
import { FeedModule } from '@app/feed';
import { GymModule } from '@app/gym';
import { IdentityModule } from '@app/identity';
import { PollModule } from '@app/poll';
import { ReleaseModule } from '@app/release';
import { WorkerReadiness } from './worker-readiness';

/** The queue-consuming process: domain modules and processors, no controllers. */
@Module({
  imports: [ConfigModule, DatabaseModule.forRoot(), RedisModule, IdentityModule, GymModule, FeedModule, PollModule, ReleaseModule],
  providers: [HealthService, WorkerReadiness],
})
export class WorkerModule {}
