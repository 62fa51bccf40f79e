import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger as PinoLogger } from 'nestjs-pino';
import { AppConfig, closeOnSignals, exitOnStartupFailure, loadConfig, loadDotEnv, runClustered, serveClusterMetrics } from '@app/core';
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

/** `API_PROCESSES` processes share the port: 1 (the default) serves from this process. */
function processes(): number {
  loadDotEnv();
  return loadConfig().http.processes;
}

try {
  runClustered({ processes: processes(), name: 'API', primary: serveClusterMetrics }, () => bootstrap().catch(exitOnStartupFailure('API')));
} catch (error) {
  exitOnStartupFailure('API')(error);
}
