import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { Options } from 'pino-http';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '../config/app-config';
import { QUERY_COUNT_HEADER } from '../query-count/query-count.middleware';
import { createAppLogger } from './app-logger';

/** Where the log lines go; standard output unless a test provides a stream to read them from. */
export const LOG_DESTINATION = Symbol('LOG_DESTINATION');

/**
 * Logs through pino (`createAppLogger`): one entry per request with its request id, method, URL,
 * status, time and, outside production, the statements it ran, plus whatever the services log.
 * Request bodies are not logged; in development neither are headers (the line is readable).
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      providers: [{ provide: LOG_DESTINATION, useValue: null }],
      inject: [AppConfig, LOG_DESTINATION],
      useFactory: (config: AppConfig, destination: DestinationStream | null) => {
        const options: Options = {
          logger: createAppLogger(config, destination),
          genReqId: (req) => req.id ?? randomUUID(),
          // called as the request starts, and again once its headers (and X-Query-Count) are out
          customProps: (req, res) => {
            const statements = res.getHeader(QUERY_COUNT_HEADER);
            return statements === undefined ? { requestId: req.id } : { statements: Number(statements) };
          },
          customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
          autoLogging: { ignore: (req) => req.url === '/health' },
        };
        return { pinoHttp: options };
      },
    }),
  ],
})
export class LoggingModule {}
