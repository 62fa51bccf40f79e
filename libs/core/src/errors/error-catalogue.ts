/** What the catalogue says about one code: the one HTTP status it answers with, and its default message. */
export interface ErrorDefinition {
  status: number;
  message: string;
}

/**
 * Every error code the service answers with, declared once. A domain error names a code; the
 * exception filter answers with the status written here, and `@Endpoint({ errors })` documents
 * the same pairs in Swagger. A code has one status everywhere (docs/errors.md).
 */
export const ERROR_CATALOGUE = {
  // 400: the request cannot be read or asks for something impossible
  VALIDATION_FAILED: { status: 400, message: 'Some fields are invalid' },
  MALFORMED_JSON: { status: 400, message: 'The request body is not valid JSON' },
  BAD_REQUEST: { status: 400, message: 'The request could not be read' },
  INVALID_END_TIME: { status: 400, message: 'endTime must be after startTime' },
  INVALID_START_DATE: { status: 400, message: 'startDate cannot be in the past' },
  INVALID_QUESTION: { status: 400, message: 'The votes name questions of another poll' },
  INVALID_ORDER_LIST: { status: 400, message: 'Some order lists are unknown or of another day' },
  INVALID_CSV: { status: 400, message: 'Some lines of the file are invalid; nothing was imported' },
  // 401: who is calling is not known
  UNAUTHENTICATED: { status: 401, message: 'Authentication is required: send Authorization: Bearer <token>' },
  TOKEN_EXPIRED: { status: 401, message: 'The token has expired; log in again' },
  INVALID_CREDENTIALS: { status: 401, message: 'Wrong username or password' },
  INVALID_REFRESH_TOKEN: { status: 401, message: 'The refresh token is unknown, expired or revoked; log in again' },
  ACCOUNT_DISABLED: { status: 401, message: 'This account has been deactivated; ask the gym staff' },
  // 403: known, but not allowed
  FORBIDDEN: { status: 403, message: 'You are not allowed to do this' },
  NOT_YOUR_RESERVATION: { status: 403, message: 'This reservation belongs to another member' },
  NOT_YOUR_WAITLIST_ENTRY: { status: 403, message: 'This waitlist entry belongs to another member' },
  // 404: no such thing
  NOT_FOUND: { status: 404, message: 'Not found' },
  NOT_INDEXED: { status: 404, message: 'The item is newer than the recommendation index' },
  // 409: a business rule refuses; nothing was changed
  USERNAME_TAKEN: { status: 409, message: 'The username is taken' },
  LAST_STAFF: { status: 409, message: 'This would leave no active staff member' },
  LESSON_FULL: { status: 409, message: 'The lesson is full' },
  LESSON_CLOSED: { status: 409, message: 'The lesson has already started' },
  ALREADY_REGISTERED: { status: 409, message: 'You already hold a reservation for this lesson' },
  NOT_ENOUGH_CREDIT: { status: 409, message: 'Not enough usable credits for the lesson' },
  LESSON_NOT_FULL: { status: 409, message: 'The lesson has free seats: book it instead' },
  ALREADY_WAITLISTED: { status: 409, message: "You are already on this lesson's waitlist" },
  WAITLIST_ENTRY_CLOSED: { status: 409, message: 'This waitlist entry no longer waits' },
  INVALID_RESERVATION_TYPE: { status: 409, message: 'A cancellation record cannot be cancelled' },
  ALREADY_CANCELED: { status: 409, message: 'This reservation is already cancelled' },
  CANCEL_NOT_ALLOWED: { status: 409, message: 'Reservations can be cancelled until the day before the lesson' },
  LESSON_ALREADY_CANCELED: { status: 409, message: 'The lesson has already been cancelled' },
  CAPACITY_BELOW_BOOKED: { status: 409, message: 'The lesson holds more bookings than that capacity' },
  POLICY_RETIRED: { status: 409, message: 'This membership is no longer on sale' },
  JOIN_NOT_SUPPORTED: { status: 409, message: 'Posts have no participants; only games and teams can be joined' },
  POLL_CLOSED: { status: 409, message: 'The poll has ended' },
  ALREADY_VOTED: { status: 409, message: 'You have already voted for this' },
  MULTIPLE_NOT_ALLOWED: { status: 409, message: 'This poll takes one choice per member' },
  CAR_NUMBER_TAKEN: { status: 409, message: 'A car with this number already exists' },
  IDEMPOTENCY_KEY_IN_PROGRESS: { status: 409, message: 'A request with this Idempotency-Key is still running; retry shortly' },
  // 413, 415, 422, 429: the shape or pace of the request
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'The request body must be JSON (Content-Type: application/json)' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, message: 'This Idempotency-Key was already used for a different request' },
  TOO_MANY_REQUESTS: { status: 429, message: 'Too many requests; retry after the time in Retry-After' },
  // 500, 503: our side
  INTERNAL_ERROR: { status: 500, message: 'Internal server error' },
  N_PLUS_ONE_DETECTED: { status: 500, message: 'A query ran once per row (outside production only)' },
  DATABASE_UNAVAILABLE: { status: 503, message: 'The database is unavailable, try again shortly' },
  QUEUE_UNAVAILABLE: { status: 503, message: 'The job queue is unavailable, try again shortly' },
  INDEX_NOT_READY: { status: 503, message: 'The recommendation index has not been built yet; try again after the next rebuild' },
  DEPENDENCY_DOWN: { status: 503, message: 'A dependency of the service is down' },
} as const satisfies Record<string, ErrorDefinition>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export const ERROR_CODES = Object.keys(ERROR_CATALOGUE) as ErrorCode[];

export function isErrorCode(code: string): code is ErrorCode {
  return Object.prototype.hasOwnProperty.call(ERROR_CATALOGUE, code);
}

export function errorStatus(code: ErrorCode): number {
  return ERROR_CATALOGUE[code].status;
}

/** The generic code of a status raised outside our code (Nest's own exceptions, the body parser). */
export function codeForStatus(status: number): ErrorCode {
  const generic: Partial<Record<number, ErrorCode>> = {
    400: 'BAD_REQUEST',
    401: 'UNAUTHENTICATED',
    403: 'FORBIDDEN',
    404: 'NOT_FOUND',
    413: 'PAYLOAD_TOO_LARGE',
    415: 'UNSUPPORTED_MEDIA_TYPE',
    429: 'TOO_MANY_REQUESTS',
  };
  return generic[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST');
}
