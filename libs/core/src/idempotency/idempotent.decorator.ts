import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { IDEMPOTENCY_KEY_HEADER, IdempotencyInterceptor } from './idempotency.interceptor';

/**
 * The route accepts an `Idempotency-Key` header (see `IdempotencyInterceptor`). Needs
 * `IdempotencyModule` in the application. Routes say `@Endpoint({ idempotent: true })`, which also
 * documents its codes.
 */
export const Idempotent = (): MethodDecorator =>
  applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: IDEMPOTENCY_KEY_HEADER,
      required: false,
      description:
        'Optional, 1-255 printable ASCII characters, unique per user for 24 hours. A repeat of the same request with the same key returns the first answer ' +
        '(header Idempotent-Replayed: true) and does nothing again; 409 IDEMPOTENCY_KEY_IN_PROGRESS while the first still runs.',
    }),
  );
