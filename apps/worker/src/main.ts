import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MaintenanceSchedule } from './maintenance-schedule';
import { WorkerReadiness } from './worker-readiness';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.createApplicationContext(WorkerModule);
  app.enableShutdownHooks();
  try {
    await app.get(WorkerReadiness).assertReady();
    await app.get(MaintenanceSchedule).register();
  } catch (error) {
    await app.close();
    throw error;
  }
}

bootstrap().catch((error: unknown) => {
  Logger.error(error instanceof Error ? error.message : String(error), 'Worker');
  process.exit(1);
});
