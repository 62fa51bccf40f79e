import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AppConfig } from '../config/app-config';
import type { DatabaseOutageMonitor } from '../database/database-outage.monitor';
import { isDatabaseUnavailable } from '../database/database-unavailable';
import { isNPlusOneDetected } from '../query-count/n-plus-one.error';
import { TooManyRequestsError } from './domain-error';
import { errorBody, type ErrorBody, knownErrorBody } from './error-body';
import { codeForStatus } from './error-catalogue';
import { clipLongLines } from '../logging/clip-long-lines';

/** Errors raised by body-parser before a route is reached carry `type` and `status`. */
interface BodyParserError {
  type: string;
  status: number;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return typeof error === 'object' && error !== null && 'type' in error && 'status' in error;
}

/**
 * Turns every error into `{ statusCode, code, message }`. Domain errors keep their code and answer
 * with the status the catalogue declares for it (`error-catalogue.ts`); anything unexpected becomes a logged 500 that reveals nothing of the internals.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(
    private readonly config: AppConfig,
    private readonly outage?: DatabaseOutageMonitor,
  ) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const request = context.getRequest<Request>();
    const response = context.getResponse<Response>();
    const body = this.toBody(error, request);
    if (error instanceof TooManyRequestsError) response.setHeader('Retry-After', String(error.retryAfterSeconds));
    if (response.headersSent) {
      response.end();
      return;
    }
    response.status(body.statusCode).json(body);
  }

  private toBody(error: unknown, request: Request): ErrorBody {
    const known = knownErrorBody(error);
    if (known) return known;
    if (isBodyParserError(error)) {
      if (error.type === 'entity.parse.failed') return errorBody('MALFORMED_JSON');
      if (error.type === 'entity.too.large') return errorBody('PAYLOAD_TOO_LARGE');
      if (error.status >= 400 && error.status < 500) return errorBody(codeForStatus(error.status), 'The request body could not be read');
    }
    if (isNPlusOneDetected(error) && !this.config.isProduction) {
      this.logger.error(`[${request.id}] ${request.method} ${request.url}: ${error.message}`);
      return errorBody('N_PLUS_ONE_DETECTED', error.message);
    }
    return this.unexpected(error, request);
  }

  private unexpected(error: unknown, request: Request): ErrorBody {
    if (isDatabaseUnavailable(error)) {
      // logged once per outage by the monitor, not once per request
      this.outage?.refused(error);
      return errorBody('DATABASE_UNAVAILABLE');
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    this.logger.error(`[${request.id}] ${request.method} ${request.url} failed: ${clipLongLines(detail)}`);
    return errorBody('INTERNAL_ERROR');
  }
}
