import { HttpException } from '@nestjs/common';
import { DomainError } from './domain-error';
import { ValidationFailedError } from './validation-failed.error';

export interface ErrorBody {
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

export function codeForStatus(status: number, fallback = `HTTP_${status}`): string {
  return CODE_BY_STATUS[status] ?? fallback;
}

/**
 * The answer for an error the service raised on purpose (a domain error, a validation failure, a
 * Nest HTTP exception); undefined for anything unexpected. The exception filter sends it, and the
 * idempotency interceptor stores it to replay.
 */
export function knownErrorBody(error: unknown): ErrorBody | undefined {
  if (error instanceof ValidationFailedError) {
    return { statusCode: 400, code: error.code, message: error.message, errors: error.errors };
  }
  if (error instanceof DomainError) {
    return { statusCode: error.status, code: error.code, message: error.message };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    return { statusCode: status, code: codeForStatus(status), message: httpMessage(error) };
  }
  return undefined;
}

function httpMessage(error: HttpException): string {
  const response = error.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.join('; ');
  return error.message;
}
