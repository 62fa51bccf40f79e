import { ERROR_CATALOGUE, type ErrorCode, errorStatus } from './error-catalogue';

/**
 * A refusal the domain can explain. Libraries throw these, never `HttpException`. An error names a
 * code of the catalogue (`error-catalogue.ts`), never a status: the exception filter answers with
 * the status the catalogue declares for the code.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = ERROR_CATALOGUE[code].message,
  ) {
    super(message);
    this.name = new.target.name;
  }

  /** The HTTP status of the code, from the catalogue. */
  get status(): number {
    return errorStatus(this.code);
  }

  /** Fields the answer carries after `statusCode`, `code` and `message` (the `errors` of INVALID_CSV). */
  get extraFields(): Record<string, unknown> {
    return {};
  }
}

/** `NOT_FOUND`: no such resource (or none the caller may know of). */
export class NotFoundError extends DomainError {
  constructor(what: string, id?: number | string) {
    super('NOT_FOUND', id === undefined ? `${what} not found` : `${what} ${id} not found`);
  }
}

/** `TOO_MANY_REQUESTS`: slow down; the answer carries `Retry-After`. */
export class TooManyRequestsError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('TOO_MANY_REQUESTS', message);
  }
}
