import { HttpError } from 'react-admin';
import { translateNow } from '../i18n/i18n-provider';

/** The API's error shape (docs/errors.md). */
export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: string;
  errors?: Array<{ field?: string; messages?: string[]; line?: number; message?: string }>;
}

/** What a failed call carries to a page: the code to branch on, field errors by name, CSV lines. */
export interface ConsoleErrorBody {
  code: string;
  apiMessage: string;
  /** react-admin puts these beside the form's fields */
  errors?: Record<string, string>;
  /** `INVALID_CSV`: each bad line of an import */
  lines?: Array<{ line: number; field: string; message: string }>;
}

/** Business refusals that belong to one field of a form: shown beside it, as validation errors are. */
const FIELD_OF_CODE: Record<string, string> = {
  CAPACITY_BELOW_BOOKED: 'maxCapacity',
  INVALID_END_TIME: 'endTime',
  INVALID_START_DATE: 'startDate',
  CAR_NUMBER_TAKEN: 'carNumber',
};

/** The code a page can branch on (`NETWORK` when the API did not answer at all). */
export function errorCode(error: unknown): string | undefined {
  return error instanceof HttpError ? (error.body as ConsoleErrorBody | undefined)?.code : undefined;
}

/**
 * Turns an API refusal into react-admin's HttpError: the message is the code's translation (the
 * API's own message when the console has none), validation errors become field errors.
 */
export function toHttpError(status: number, body: ApiErrorBody | undefined): HttpError {
  const code = body?.code ?? 'HTTP_' + status;
  const apiMessage = body?.message ?? '';
  const detail: ConsoleErrorBody = { code, apiMessage };
  if (code === 'VALIDATION_FAILED' && body?.errors) {
    detail.errors = Object.fromEntries(body.errors.map((error) => [error.field ?? '', (error.messages ?? []).join(' ')]));
  }
  if (code === 'INVALID_CSV' && body?.errors) {
    detail.lines = body.errors.map((error) => ({ line: error.line ?? 0, field: error.field ?? '', message: error.message ?? '' }));
  }
  const message = translateNow(`errors.${code}`, { _: apiMessage || translateNow('console.errors.unknown', { status }) });
  if (FIELD_OF_CODE[code]) detail.errors = { [FIELD_OF_CODE[code]]: message };
  return new HttpError(message, status, detail);
}

/** The API did not answer (down, restarting, no network): the page keeps what was typed. */
export function offlineError(): HttpError {
  return new HttpError(translateNow('console.errors.offline'), 0, { code: 'NETWORK', apiMessage: '' } satisfies ConsoleErrorBody);
}
