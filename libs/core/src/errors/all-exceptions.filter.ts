import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AppConfig } from '../config/app-config';
import type { DatabaseOutageMonitor } from '../database/database-outage.monitor';
import { isDatabaseUnavailable } from '../database/database-unavailable';
import { isNPlusOneDetected } from '../query-count/n-plus-one.error';
import { TooManyRequestsError } from './domain-error';
import { codeForStatus, type ErrorBody, knownErrorBody } from './error-body';

/** Errors raised by body-parser before a route is reached carry `type` and `status`. */
interface BodyParserError {
  type: string;
  status: number;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return typeof error === 'object' && error !== null && 'type' in error && 'status' in error;
}

/**
 * Turns every error into `{ statusCode, code, message }`. Domain errors keep their code;
 * anything unexpected becomes a logged 500 that reveals nothing of the internals.
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
      if (error.type === 'entity.parse.failed') {
        return { statusCode: 400, code: 'MALFORMED_JSON', message: 'The request body is not valid JSON' };
      }
      if (error.type === 'entity.too.large') {
        return { statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large' };
      }
      if (error.status >= 400 && error.status < 500) {
        return {
          statusCode: error.status,
          code: codeForStatus(error.status, 'BAD_REQUEST'),
          message: 'The request body could not be read',
        };
      }
    }
    if (isNPlusOneDetected(error) && !this.config.isProduction) {
      this.logger.error(`[${request.id}] ${request.method} ${request.url}: ${error.message}`);
      return { statusCode: 500, code: 'N_PLUS_ONE_DETECTED', message: error.message };
    }
    return this.unexpected(error, request);
  }

  private unexpected(error: unknown, request: Request): ErrorBody {
    if (isDatabaseUnavailable(error)) {
      // logged once per outage by the monitor, not once per request
      this.outage?.refused(error);
      return { statusCode: 503, code: 'DATABASE_UNAVAILABLE', message: 'The database is unavailable, try again shortly' };
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    this.logger.error(`[${request.id}] ${request.method} ${request.url} failed: ${detail}`);
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, code: 'INTERNAL_ERROR', message: 'Internal server error' };
  }
}
