import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { closeOnSignals } from '@app/core';
import { MaintenanceSchedule } from './maintenance-schedule';
import { QueueConsumers } from './queue-consumers';
import { WorkerReadiness } from './worker-readiness';
import { WORKER_SHUTDOWN_TIMEOUT_MS } from './worker-shutdown';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.createApplicationContext(WorkerModule);
  closeOnSignals(app, 'Worker', WORKER_SHUTDOWN_TIMEOUT_MS);
  try {
    await app.get(WorkerReadiness).assertReady();
    await app.get(MaintenanceSchedule).register();
    app.get(QueueConsumers).start();
  } catch (error) {
    await app.close();
    throw error;
  }
}

bootstrap().catch((error: unknown) => {
  Logger.error(error instanceof Error ? error.message : String(error), 'Worker');
  process.exit(1);
});
