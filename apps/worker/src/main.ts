import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger as PinoLogger } from 'nestjs-pino';
import { closeOnSignals, exitOnStartupFailure, MetricsServer } from '@app/core';
import { MaintenanceSchedule } from './maintenance-schedule';
import { QueueConsumers } from './queue-consumers';
import { WorkerReadiness } from './worker-readiness';
import { WORKER_SHUTDOWN_TIMEOUT_MS } from './worker-shutdown';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.createApplicationContext(WorkerModule, { abortOnError: false, bufferLogs: true });
  app.useLogger(app.get(PinoLogger));
  closeOnSignals(app, 'Worker', WORKER_SHUTDOWN_TIMEOUT_MS);
  try {
    await app.get(WorkerReadiness).assertReady();
    await app.get(MaintenanceSchedule).register();
    await app.get(MetricsServer).start();
    app.get(QueueConsumers).start();
  } catch (error) {
    await app.close();
    throw error;
  }
}

bootstrap().catch(exitOnStartupFailure('Worker'));
