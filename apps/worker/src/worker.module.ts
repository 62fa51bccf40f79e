import { Module } from '@nestjs/common';
import { ConfigModule, DatabaseModule, HealthService, RedisModule } from '@app/core';
import { FeedModule } from '@app/feed';
import { GymModule } from '@app/gym';
import { IdentityModule } from '@app/identity';
import { EmailSendingModule, JobsModule } from '@app/jobs';
import { PollModule } from '@app/poll';
import { RecommendBuilderModule } from '@app/recommend';
import { ReleaseModule } from '@app/release';
import { MaintenanceSchedule } from './maintenance-schedule';
import { EmailProcessor } from './processors/email.processor';
import { MaintenanceProcessor } from './processors/maintenance.processor';
import { QueueConsumers } from './queue-consumers';
import { WorkerReadiness } from './worker-readiness';

/** The queue-consuming process: domain modules and processors, no controllers. */
@Module({
  imports: [
    ConfigModule,
    DatabaseModule.forRoot(),
    RedisModule,
    IdentityModule,
    GymModule,
    FeedModule,
    PollModule,
    ReleaseModule,
    RecommendBuilderModule,
    JobsModule,
    EmailSendingModule,
  ],
  providers: [HealthService, WorkerReadiness, EmailProcessor, MaintenanceProcessor, MaintenanceSchedule, QueueConsumers],
})
export class WorkerModule {}
