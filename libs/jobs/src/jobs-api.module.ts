import { Module } from '@nestjs/common';
import { IdentityModule } from '@app/identity';
import { StaffMailingService } from './email/staff-mailing.service';
import { JobsController } from './http/jobs.controller';
import { JobsModule } from './jobs.module';
import { QueueDepthMetrics } from './metrics/queue-depth.metrics';
import { FailedTaskReader } from './tasks/failed-task.reader';

@Module({
  imports: [JobsModule, IdentityModule],
  controllers: [JobsController],
  providers: [StaffMailingService, FailedTaskReader, QueueDepthMetrics],
})
export class JobsApiModule {}
