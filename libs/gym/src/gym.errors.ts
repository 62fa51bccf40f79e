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

export class LessonNotFullError extends DomainError {
  constructor(seatsLeft: number) {
    super('LESSON_NOT_FULL', `The lesson has ${seatsLeft} free seat${seatsLeft === 1 ? '' : 's'}: book it instead`);
  }
}

export class WaitlistClosedError extends DomainError {
  constructor(cutoffMinutes: number) {
    super('LESSON_CLOSED', `The waitlist closes ${cutoffMinutes} minutes before the lesson starts`);
  }
}

export class AlreadyWaitlistedError extends DomainError {
  constructor(position: number) {
    super('ALREADY_WAITLISTED', `You are already on this lesson's waitlist, at position ${position}`);
  }
}

export class NotYourWaitlistEntryError extends DomainError {
  constructor() {
    super('NOT_YOUR_WAITLIST_ENTRY', 'This waitlist entry belongs to another member');
  }
}

export class WaitlistEntryClosedError extends DomainError {
  constructor(status: string) {
    super('WAITLIST_ENTRY_CLOSED', `This waitlist entry is ${status}, no longer waiting`);
  }
}

export class LessonCanceledError extends DomainError {
  constructor() {
    super('LESSON_CLOSED', 'The lesson was cancelled by the gym');
  }
}

export class LessonAlreadyCanceledError extends DomainError {
  constructor() {
    super('LESSON_ALREADY_CANCELED', 'The lesson has already been cancelled');
  }
}

export class CapacityBelowBookedError extends DomainError {
  constructor(booked: number) {
    super(
      'CAPACITY_BELOW_BOOKED',
      `The lesson holds ${booked} active booking${booked === 1 ? '' : 's'}: its capacity cannot go below that`,
    );
  }
}

export class PolicyRetiredError extends DomainError {
  constructor() {
    super('POLICY_RETIRED', 'This membership is no longer on sale');
  }
}
