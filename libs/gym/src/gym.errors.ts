import { DomainError } from '@app/core';

export class LessonFullError extends DomainError {
  constructor() {
    super('LESSON_FULL', 'The lesson is full');
  }
}

export class LessonClosedError extends DomainError {
  constructor() {
    super('LESSON_CLOSED', 'The lesson has already started');
  }
}

export class AlreadyRegisteredError extends DomainError {
  constructor() {
    super('ALREADY_REGISTERED', 'You already hold a reservation for this lesson');
  }
}

export class NotEnoughCreditError extends DomainError {
  constructor(needed: number, available: number) {
    super('NOT_ENOUGH_CREDIT', `The lesson costs ${needed} credits; ${available} are usable for its date`);
  }
}

export class NotYourReservationError extends DomainError {
  constructor() {
    super('NOT_YOUR_RESERVATION', 'This reservation belongs to another member');
  }
}

export class InvalidReservationTypeError extends DomainError {
  constructor() {
    super('INVALID_RESERVATION_TYPE', 'A cancellation record cannot be cancelled');
  }
}

export class AlreadyCanceledError extends DomainError {
  constructor() {
    super('ALREADY_CANCELED', 'This reservation is already cancelled');
  }
}

export class CancelNotAllowedError extends DomainError {
  constructor() {
    super('CANCEL_NOT_ALLOWED', 'Reservations can be cancelled until the day before the lesson');
  }
}

export class InvalidEndTimeError extends DomainError {
  constructor() {
    super('INVALID_END_TIME', 'endTime must be after startTime');
  }
}

export class InvalidStartDateError extends DomainError {
  constructor(startDate: string, today: string, timeZone: string) {
    super('INVALID_START_DATE', `startDate ${startDate} is before today, ${today} in ${timeZone}`);
  }
}
