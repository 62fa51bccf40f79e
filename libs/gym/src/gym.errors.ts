import { ConflictError, ForbiddenError, InvalidRequestError } from '@app/core';

export class LessonFullError extends ConflictError {
  constructor() {
    super('LESSON_FULL', 'The lesson is full');
  }
}

export class LessonClosedError extends ConflictError {
  constructor() {
    super('LESSON_CLOSED', 'The lesson has already started');
  }
}

export class AlreadyRegisteredError extends ConflictError {
  constructor() {
    super('ALREADY_REGISTERED', 'You already hold a reservation for this lesson');
  }
}

export class NotEnoughCreditError extends ConflictError {
  constructor(needed: number, available: number) {
    super('NOT_ENOUGH_CREDIT', `The lesson costs ${needed} credits; ${available} are usable for its date`);
  }
}

export class NotYourReservationError extends ForbiddenError {
  constructor() {
    super('NOT_YOUR_RESERVATION', 'This reservation belongs to another member');
  }
}

export class InvalidReservationTypeError extends ConflictError {
  constructor() {
    super('INVALID_RESERVATION_TYPE', 'A cancellation record cannot be cancelled');
  }
}

export class AlreadyCanceledError extends ConflictError {
  constructor() {
    super('ALREADY_CANCELED', 'This reservation is already cancelled');
  }
}

export class CancelNotAllowedError extends ConflictError {
  constructor() {
    super('CANCEL_NOT_ALLOWED', 'Reservations can be cancelled until the day before the lesson');
  }
}

export class InvalidEndTimeError extends InvalidRequestError {
  constructor() {
    super('INVALID_END_TIME', 'endTime must be after startTime');
  }
}

export class InvalidStartDateError extends InvalidRequestError {
  constructor(startDate: string, today: string, timeZone: string) {
    super('INVALID_START_DATE', `startDate ${startDate} is before today, ${today} in ${timeZone}`);
  }
}
