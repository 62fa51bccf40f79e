/** Thrown (in test mode) when one request repeats the same statement shape too often. */
export class NPlusOneDetectedError extends Error {
  readonly code = 'N_PLUS_ONE_DETECTED';

  constructor(
    readonly shape: string,
    readonly count: number,
  ) {
    super(`N+1 detected: the same statement ran ${count} times in one request: ${shape}`);
    this.name = 'NPlusOneDetectedError';
  }
}

/** MikroORM wraps errors raised while a statement runs in a `DriverException` that copies their fields. */
export function isNPlusOneDetected(error: unknown): error is Error & { code: 'N_PLUS_ONE_DETECTED' } {
  return error instanceof Error && (error as { code?: unknown }).code === 'N_PLUS_ONE_DETECTED';
}
