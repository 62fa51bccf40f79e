import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bull';
import { AppConfig } from '@app/core';
import { EmailDispatcher } from './email/email-dispatcher.service';
import { EMAIL_QUEUE, MAINTENANCE_QUEUE } from './queues';
import { TaskService } from './tasks/task.service';

/**
 * The queues on Redis and their producers. Importing this module consumes nothing: only the worker
 * registers processors.
 */
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfig],
      // a short disconnect timeout lets a process stop promptly even while Redis is unreachable
      useFactory: (config: AppConfig) => ({ url: config.redis.url, prefix: 'gym', redis: { disconnectTimeout: 200 } }),
    }),
    BullModule.registerQueue({ name: EMAIL_QUEUE }, { name: MAINTENANCE_QUEUE }),
  ],
  providers: [EmailDispatcher, TaskService],
  exports: [BullModule, EmailDispatcher, TaskService],
})
export class JobsModule {}
