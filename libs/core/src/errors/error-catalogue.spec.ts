import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HttpException, NotFoundException } from '@nestjs/common';
import { DomainError } from './domain-error';
import { knownErrorBody } from './error-body';
import { codeForStatus, ERROR_CATALOGUE, ERROR_CODES, errorStatus } from './error-catalogue';

describe('the error catalogue', () => {
  it.each(ERROR_CODES)('%s has a 4xx or 5xx status and a message', (code) => {
    const { status, message } = ERROR_CATALOGUE[code];
    expect(status >= 400 && status < 600 && message.length > 0).toBe(true);
  });

  it.each([400, 401, 403, 404, 413, 415, 429])('gives a status raised outside our code (%d) a code of that same status', (status) => {
    expect(errorStatus(codeForStatus(status))).toBe(status);
  });

  it('never answers a code with another status than its own, even for a status the catalogue lacks', () => {
    expect(knownErrorBody(new HttpException('Method Not Allowed', 405))).toEqual({
      statusCode: 400,
      code: 'BAD_REQUEST',
      message: ERROR_CATALOGUE.BAD_REQUEST.message,
    });
    expect(knownErrorBody(new HttpException('Bad Gateway', 502))).toMatchObject({ statusCode: 500, code: 'INTERNAL_ERROR' });
    expect(knownErrorBody(new NotFoundException('Cannot GET /nowhere'))).toEqual({
      statusCode: 404,
      code: 'NOT_FOUND',
      message: 'Cannot GET /nowhere',
    });
  });

  it('takes the status of a domain error from its code', () => {
    expect(new DomainError('IDEMPOTENCY_KEY_REUSED').status).toBe(422);
    expect(knownErrorBody(new DomainError('LESSON_FULL'))).toEqual({ statusCode: 409, code: 'LESSON_FULL', message: 'The lesson is full' });
  });

  it('is the table docs/errors.md shows, code for code', () => {
    const doc = readFileSync(join(__dirname, '../../../../docs/errors.md'), 'utf8');
    const rows = [...doc.matchAll(/^\| `([A-Z_]+)` \| (\d{3}) \|/gm)].map(([, code, status]) => [code, Number(status)]);
    expect(rows).toEqual(ERROR_CODES.map((code) => [code, ERROR_CATALOGUE[code].status]));
  });
});
