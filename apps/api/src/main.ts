import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger as PinoLogger } from 'nestjs-pino';
import { AppConfig, closeOnSignals, exitOnStartupFailure } from '@app/core';
import { AppModule } from './app.module';
import { APP_OPTIONS, configureApp } from './configure-app';

async function bootstrap(): Promise<void> {
  // abortOnError off: a module that fails to initialise rejects here, and the catch below says why.
  const app = configureApp(
    await NestFactory.create<NestExpressApplication>(AppModule, { ...APP_OPTIONS, bufferLogs: true, abortOnError: false }),
  );
  app.useLogger(app.get(PinoLogger));
  const config = app.get(AppConfig);
  closeOnSignals(app, 'API');
  await app.listen(config.http.port);
  Logger.log(`API listening on http://localhost:${config.http.port} (Swagger at /swagger)`, 'Bootstrap');
}

bootstrap().catch(exitOnStartupFailure('API'));
