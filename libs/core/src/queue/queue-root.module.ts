import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bull';
import { AppConfig } from '../config/app-config';

/**
 * The Bull connection to Redis, for the apps that use queues (the API produces, the worker
 * consumes). Libraries register their queues with `BullModule.registerQueue` and never open the
 * connection themselves, so the CLI, which imports no queue, exits when its command is done.
 */
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfig],
      // a short disconnect timeout lets a process stop promptly even while Redis is unreachable
      useFactory: (config: AppConfig) => ({ url: config.redis.url, prefix: 'gym', redis: { disconnectTimeout: 200 } }),
    }),
  ],
  exports: [BullModule],
})
export class QueueRootModule {}
