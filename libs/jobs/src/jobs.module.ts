import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bull';
import { EmailDispatcher } from './email/email-dispatcher.service';
import { EMAIL_QUEUE_SETTINGS } from './queue-settings';
import { EMAIL_QUEUE, MAINTENANCE_QUEUE } from './queues';
import { TaskService } from './tasks/task.service';

/**
 * The queues and their producers. Importing this module consumes nothing: only the worker
 * registers processors. The app that imports it also imports `QueueRootModule` (the connection).
 */
@Module({
  imports: [BullModule.registerQueue({ name: EMAIL_QUEUE, settings: EMAIL_QUEUE_SETTINGS }, { name: MAINTENANCE_QUEUE })],
  providers: [EmailDispatcher, TaskService],
  exports: [BullModule, EmailDispatcher, TaskService],
})
export class JobsModule {}
