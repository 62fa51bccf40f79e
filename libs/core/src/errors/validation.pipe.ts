import { type ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { ValidationFailedError } from './validation-failed.error';

/**
 * Path parameters stay strings: the route's own pipe (`IdParamPipe`) parses them strictly. The
 * default would run `Number(value)` first, which turned `/lessons/0x10` into lesson 16 and
 * `/lessons/1e0` into lesson 1 (found by the bad-input sweep).
 */
class AppValidationPipe extends ValidationPipe {
  protected override transformPrimitive(value: unknown, metadata: ArgumentMetadata): unknown {
    return metadata.type === 'param' ? value : super.transformPrimitive(value, metadata);
  }
}

/** The one validation pipe: unknown fields are refused, payloads become DTO instances. */
export function createValidationPipe(): ValidationPipe {
  return new AppValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validateCustomDecorators: false,
    exceptionFactory: (errors) => ValidationFailedError.fromValidationErrors(errors),
  });
}
