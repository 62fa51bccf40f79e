import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream, Logger } from 'pino';
import { AppConfig } from '../config/app-config';
import { createAppLogger } from './app-logger';

/** Where the log lines go; standard output unless a test provides a stream to read them from. */
export const LOG_DESTINATION = Symbol('LOG_DESTINATION');

/** The process's one pino logger (`createAppLogger`), for `requestLog` and nestjs-pino. */
export const APP_LOGGER = Symbol('APP_LOGGER');

@Module({
  providers: [
    { provide: LOG_DESTINATION, useValue: null },
    {
      provide: APP_LOGGER,
      inject: [AppConfig, LOG_DESTINATION],
      useFactory: (config: AppConfig, destination: DestinationStream | null): Logger => createAppLogger(config, destination),
    },
  ],
  exports: [APP_LOGGER],
})
class AppLoggerModule {}

/**
 * Logs through pino: Nest's and the services' lines (nestjs-pino's `Logger`, carrying the request
 * id inside a request) and, in the API, one line per request written by `requestLog`, which
 * `configureApp` installs (nestjs-pino is told to use the `req.log` it sets, not pino-http).
 */
@Module({
  imports: [
    AppLoggerModule,
    LoggerModule.forRootAsync({
      imports: [AppLoggerModule],
      inject: [APP_LOGGER],
      useFactory: (logger: Logger) => ({ pinoHttp: { logger }, useExisting: true }),
    }),
  ],
  exports: [AppLoggerModule],
})
export class LoggingModule {}
