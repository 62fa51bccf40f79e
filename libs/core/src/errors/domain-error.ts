/**
 * A refusal the domain can explain. Libraries throw these, never `HttpException`;
 * the exception filter maps each kind to its HTTP status.
 */
export abstract class DomainError extends Error {
  abstract readonly status: number;

  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** 400: the request is well-formed JSON but asks for something impossible. */
export class InvalidRequestError extends DomainError {
  readonly status = 400;
}

/** 401: the caller is not who they claim, or did not say. */
export class UnauthenticatedError extends DomainError {
  readonly status = 401;

  constructor(code = 'UNAUTHENTICATED', message = 'Authentication is required') {
    super(code, message);
  }
}

/** 403: the caller is known but not allowed. */
export class ForbiddenError extends DomainError {
  readonly status = 403;

  constructor(code = 'FORBIDDEN', message = 'You are not allowed to do this') {
    super(code, message);
  }
}

/** 404: no such resource (or none the caller may know of). */
export class NotFoundError extends DomainError {
  readonly status = 404;

  constructor(what: string, id?: number | string) {
    super('NOT_FOUND', id === undefined ? `${what} not found` : `${what} ${id} not found`);
  }
}

/** 409: a business rule refuses the request; nothing was changed. */
export class ConflictError extends DomainError {
  readonly status = 409;
}

/** 503: a dependency the request needs is down. */
export class UnavailableError extends DomainError {
  readonly status = 503;
}

/** 429: slow down; the answer carries `Retry-After`. */
export class TooManyRequestsError extends DomainError {
  readonly status = 429;

  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('TOO_MANY_REQUESTS', message);
  }
}
