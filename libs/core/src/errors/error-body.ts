import { HttpException } from '@nestjs/common';
import { DomainError } from './domain-error';
import { codeForStatus, ERROR_CATALOGUE, type ErrorCode, errorStatus } from './error-catalogue';
import { ValidationFailedError } from './validation-failed.error';

export interface ErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string;
  [extra: string]: unknown;
}

/** The answer for a code: the status the catalogue declares, the given or the default message. */
export function errorBody(code: ErrorCode, message: string = ERROR_CATALOGUE[code].message): ErrorBody {
  return { statusCode: errorStatus(code), code, message };
}

/**
 * The answer for an error the service raised on purpose (a domain error, a validation failure, a
 * Nest HTTP exception); undefined for anything unexpected. The exception filter sends it, and the
 * idempotency interceptor stores it to replay.
 */
export function knownErrorBody(error: unknown): ErrorBody | undefined {
  if (error instanceof ValidationFailedError) return { ...errorBody(error.code, error.message), errors: error.errors };
  if (error instanceof DomainError) return { ...errorBody(error.code, error.message), ...error.extraFields };
  if (error instanceof HttpException) {
    const code = codeForStatus(error.getStatus());
    return errorBody(code, errorStatus(code) === error.getStatus() ? httpMessage(error) : undefined);
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
