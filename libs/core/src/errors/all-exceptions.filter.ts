import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { DriverException } from '@mikro-orm/core';
import type { Request, Response } from 'express';
import { AppConfig } from '../config/app-config';
import { isNPlusOneDetected } from '../query-count/n-plus-one.error';
import { DomainError, TooManyRequestsError } from './domain-error';
import { ValidationFailedError } from './validation-failed.error';

interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  [extra: string]: unknown;
}

const CODE_BY_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE_ENTITY',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

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

  constructor(private readonly config: AppConfig) {}

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
    if (error instanceof ValidationFailedError) {
      return { statusCode: 400, code: error.code, message: error.message, errors: error.errors };
    }
    if (error instanceof DomainError) {
      return { statusCode: error.status, code: error.code, message: error.message };
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      return { statusCode: status, code: CODE_BY_STATUS[status] ?? `HTTP_${status}`, message: this.httpMessage(error) };
    }
    if (isBodyParserError(error)) {
      if (error.type === 'entity.parse.failed') {
        return { statusCode: 400, code: 'MALFORMED_JSON', message: 'The request body is not valid JSON' };
      }
      if (error.type === 'entity.too.large') {
        return { statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large' };
      }
      if (error.status >= 400 && error.status < 500) {
        return { statusCode: error.status, code: CODE_BY_STATUS[error.status] ?? 'BAD_REQUEST', message: 'The request body could not be read' };
      }
    }
    if (isNPlusOneDetected(error) && !this.config.isProduction) {
      this.logger.error(`[${request.id}] ${request.method} ${request.url}: ${error.message}`);
      return { statusCode: 500, code: 'N_PLUS_ONE_DETECTED', message: error.message };
    }
    return this.unexpected(error, request);
  }

  private httpMessage(error: HttpException): string {
    const response = error.getResponse();
    if (typeof response === 'string') return response;
    const message = (response as { message?: unknown }).message;
    if (typeof message === 'string') return message;
    if (Array.isArray(message)) return message.join('; ');
    return error.message;
  }

  private unexpected(error: unknown, request: Request): ErrorBody {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    this.logger.error(`[${request.id}] ${request.method} ${request.url} failed: ${detail}`);
    if (error instanceof DriverException && /ECONNREFUSED|PROTOCOL_CONNECTION_LOST|ETIMEDOUT/.test(error.message)) {
      return { statusCode: 503, code: 'DATABASE_UNAVAILABLE', message: 'The database is unavailable, try again shortly' };
    }
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, code: 'INTERNAL_ERROR', message: 'Internal server error' };
  }
}
