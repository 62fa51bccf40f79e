import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger as PinoLogger } from 'nestjs-pino';
import { AppConfig, closeOnSignals } from '@app/core';
import { AppModule } from './app.module';
import { APP_OPTIONS, configureApp } from './configure-app';

async function bootstrap(): Promise<void> {
  const app = configureApp(await NestFactory.create<NestExpressApplication>(AppModule, { ...APP_OPTIONS, bufferLogs: true }));
  app.useLogger(app.get(PinoLogger));
  const config = app.get(AppConfig);
  closeOnSignals(app, 'API');
  await app.listen(config.http.port);
  Logger.log(`API listening on http://localhost:${config.http.port} (Swagger at /swagger)`, 'Bootstrap');
}

bootstrap().catch((error: unknown) => {
  Logger.error(error instanceof Error ? error.message : String(error), 'Bootstrap');
  process.exit(1);
});
