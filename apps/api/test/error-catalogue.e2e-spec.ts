import { Controller, Get, Param } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { DomainError, ERROR_CATALOGUE, ERROR_CODES, type ErrorCode, Public } from '@app/core';
import { useTestApp } from '@app/testing';

@ApiExcludeController()
@Controller('catalogue-probe')
class CatalogueProbeController {
  @Public()
  @Get(':code')
  raise(@Param('code') code: string): never {
    throw new DomainError(code as ErrorCode);
  }
}

interface Example {
  value: { statusCode: number; code: string; message: string };
}
interface Operation {
  summary?: string;
  security?: unknown[];
  requestBody?: { content?: Record<string, unknown> };
  responses: Record<string, { content?: Record<string, { examples?: Record<string, Example> }> }>;
}
interface Route {
  route: string;
  op: Operation;
}

const PUBLIC_ROUTES = ['POST /users', 'POST /auth/login', 'POST /auth/refresh', 'GET /health', 'GET /gym'];

/** The 401 a public route answers by its own rule: a credential in the body that is wrong. */
const PUBLIC_401: Record<string, string[]> = {
  'POST /auth/login': ['ACCOUNT_DISABLED', 'INVALID_CREDENTIALS'],
  'POST /auth/refresh': ['INVALID_REFRESH_TOKEN'],
};
/** Anyone may call them; a caller who sends a token gets their own fields, and a bad token is 401. */
const TOKEN_OPTIONAL_ROUTES = ['GET /price-policies', 'GET /lessons'];

/** The codes a response documents, by status. */
function documentedCodes(op: Operation): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(op.responses)
      .filter(([status]) => Number(status) >= 400)
      .map(([status, response]) => [status, Object.keys(response.content?.['application/json']?.examples ?? {}).sort()]),
  );
}

describe('One catalogue of error codes (e2e)', () => {
  const { http } = useTestApp({ controllers: [CatalogueProbeController] });
  let routes: Route[];

  beforeAll(async () => {
    const doc = (await http.get('/swagger-json').expect(200)).body as { paths: Record<string, Record<string, Operation>> };
    routes = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, op })),
    );
  });

  it.each(ERROR_CODES.map((code) => [code, ERROR_CATALOGUE[code].status]))('answers %s with %d', async (code, status) => {
    const res = await http.get(`/catalogue-probe/${code}`);
    expect({ status: res.status, body: res.body }).toEqual({
      status,
      body: { statusCode: status, code, message: ERROR_CATALOGUE[code as ErrorCode].message },
    });
  });

  it('documents only catalogue codes, each under its own status, with its own example', () => {
    const wrong = routes.flatMap(({ route, op }) =>
      Object.entries(op.responses)
        .filter(([status]) => Number(status) >= 400)
        .flatMap(([status, response]) =>
          Object.entries(response.content?.['application/json']?.examples ?? {})
            .filter(([code, example]) => {
              const declared = ERROR_CATALOGUE[code as ErrorCode];
              return (
                !declared ||
                declared.status !== Number(status) ||
                example.value.code !== code ||
                example.value.statusCode !== declared.status
              );
            })
            .map(([code]) => `${route} ${status} ${code}`),
        ),
    );
    expect(wrong).toEqual([]);
  });

  it('documents login as 401 INVALID_CREDENTIALS or ACCOUNT_DISABLED, not a booking refusal', () => {
    const login = routes.find((r) => r.route === 'POST /auth/login')!.op;
    const codes = documentedCodes(login);
    expect(codes['401']).toEqual(['ACCOUNT_DISABLED', 'INVALID_CREDENTIALS']);
    expect(Object.values(codes).flat()).not.toContain('LESSON_FULL');
  });

  it('documents 401 UNAUTHENTICATED, TOKEN_EXPIRED and ACCOUNT_DISABLED on every route that needs a token, and no lock on public ones', () => {
    const summary = routes.map(({ route, op }) => ({
      route,
      public: op.security !== undefined && op.security.length === 0,
      codes401: documentedCodes(op)['401'] ?? [],
    }));
    expect(
      summary
        .filter((r) => r.public)
        .map((r) => r.route)
        .sort(),
    ).toEqual([...PUBLIC_ROUTES].sort());
    expect(
      routes.filter(({ op }) => JSON.stringify(op.security) === JSON.stringify([{}, { bearer: [] }])).map(({ route }) => route),
    ).toEqual(TOKEN_OPTIONAL_ROUTES);
    for (const r of summary.filter((r) => !r.public)) {
      expect({ route: r.route, codes401: r.codes401 }).toEqual({
        route: r.route,
        codes401: expect.arrayContaining(['ACCOUNT_DISABLED', 'TOKEN_EXPIRED', 'UNAUTHENTICATED']),
      });
    }
    for (const r of summary.filter((r) => r.public))
      expect({ route: r.route, codes401: r.codes401 }).toEqual({
        route: r.route,
        codes401: PUBLIC_401[r.route] ?? [],
      });
  });

  it('documents 400 VALIDATION_FAILED on every route with a JSON body, and 415 for a body that is not JSON', () => {
    const withBody = routes.filter(({ op }) => op.requestBody !== undefined && op.requestBody.content?.['application/json'] !== undefined);
    expect(withBody.length).toBeGreaterThan(10);
    for (const { route, op } of withBody) {
      const codes = documentedCodes(op);
      expect({ route, codes400: codes['400'], codes415: codes['415'] }).toEqual({
        route,
        codes400: expect.arrayContaining(['VALIDATION_FAILED', 'MALFORMED_JSON']),
        codes415: ['UNSUPPORTED_MEDIA_TYPE'],
      });
    }
  });

  it('documents the CSV import as reading text/csv, with 400 INVALID_CSV, 413 and 415', () => {
    const { op } = routes.find((r) => r.route === 'POST /order-lists/import')!;
    expect(Object.keys(op.requestBody?.content ?? {})).toEqual(['text/csv']);
    const codes = documentedCodes(op);
    expect([codes['400'], codes['413'], codes['415']]).toEqual([['INVALID_CSV'], ['PAYLOAD_TOO_LARGE'], ['UNSUPPORTED_MEDIA_TYPE']]);
  });

  it('documents 403 FORBIDDEN on every staff route', () => {
    const staff = routes.filter(({ op }) => op.summary?.includes('(staff)'));
    expect(staff.length).toBeGreaterThan(5);
    for (const { route, op } of staff) expect({ route, codes403: documentedCodes(op)['403'] }).toEqual({ route, codes403: ['FORBIDDEN'] });
  });

  it('answers what login documents', async () => {
    const res = await http.post('/auth/login').send({ username: 'nobody-here', password: 'wrong password' });
    expect(res.status).toBe(ERROR_CATALOGUE.INVALID_CREDENTIALS.status);
    expect(res.body.code).toBe('INVALID_CREDENTIALS');
  });

  it('answers what refresh documents', async () => {
    const documented = documentedCodes(routes.find((r) => r.route === 'POST /auth/refresh')!.op);
    expect(documented['401']).toEqual(['INVALID_REFRESH_TOKEN']);
    const res = await http.post('/auth/refresh').send({ refreshToken: 'not-a-token-we-issued' });
    expect(res.status).toBe(ERROR_CATALOGUE.INVALID_REFRESH_TOKEN.status);
    expect(res.body.code).toBe('INVALID_REFRESH_TOKEN');
  });
});
