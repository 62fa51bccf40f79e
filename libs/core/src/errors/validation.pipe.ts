import { ValidationPipe } from '@nestjs/common';
import { ValidationFailedError } from './validation-failed.error';

/** The one validation pipe: unknown fields are refused, payloads become DTO instances. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validateCustomDecorators: false,
    exceptionFactory: (errors) => ValidationFailedError.fromValidationErrors(errors),
  });
}
