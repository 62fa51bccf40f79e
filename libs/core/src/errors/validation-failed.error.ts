import type { ValidationError } from 'class-validator';
import { DomainError } from './domain-error';

export interface FieldError {
  field: string;
  messages: string[];
}

/** 400 `VALIDATION_FAILED`, naming each bad field. */
export class ValidationFailedError extends DomainError {
  constructor(readonly errors: FieldError[]) {
    super('VALIDATION_FAILED', `Invalid ${errors.map((error) => error.field).join(', ')}`);
  }

  static fromValidationErrors(errors: ValidationError[]): ValidationFailedError {
    return new ValidationFailedError(flatten(errors, ''));
  }
}

function flatten(errors: ValidationError[], prefix: string): FieldError[] {
  return errors.flatMap((error) => {
    const field = error.property === undefined || error.property === '' ? prefix || 'body' : prefix + error.property;
    const own: FieldError[] = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], `${field}.`)];
  });
}
