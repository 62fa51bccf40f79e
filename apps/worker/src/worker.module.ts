import { Module } from '@nestjs/common';
import {
  ConfigModule,
  DatabaseModule,
  HealthService,
  IdempotencyModule,
  LoggingModule,
  MetricsModule,
  QueueRootModule,
  RedisModule,
} from '@app/core';
import { BookingRemindersModule, GymModule } from '@app/gym';
import { IdentityModule } from '@app/identity';
import { EmailSendingModule, JobOutcomeMetrics, JobsModule } from '@app/jobs';
import { RecommendBuilderModule } from '@app/recommend';
import { MaintenanceSchedule } from './maintenance-schedule';
import { EmailProcessor } from './processors/email.processor';
import { MaintenanceProcessor } from './processors/maintenance.processor';
import { QueueConsumers } from './queue-consumers';
import { WorkerReadiness } from './worker-readiness';

/**
 * The queue-consuming process: the queues, and only the domain modules its processors call (credit
 * expiry and booking reminders from the gym, the index builder, mail, the purges of idempotency keys
 * and refresh tokens), and its metrics (served on WORKER_METRICS_PORT when set). No controllers.
 */
@Module({
  imports: [
    ConfigModule,
    LoggingModule,
    DatabaseModule.forRoot(),
    RedisModule,
    QueueRootModule,
    JobsModule,
    GymModule,
    BookingRemindersModule,
    RecommendBuilderModule,
    EmailSendingModule,
    IdempotencyModule,
    IdentityModule,
    MetricsModule,
  ],
  providers: [HealthService, WorkerReadiness, EmailProcessor, MaintenanceProcessor, MaintenanceSchedule, QueueConsumers, JobOutcomeMetrics],
})
export class WorkerModule {}
