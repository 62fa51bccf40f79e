import type { INestApplication } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import fc from 'fast-check';
import request from 'supertest';
import { EMAIL_QUEUE } from '@app/jobs';
import {
  type BadRequest,
  badRequest,
  createTestApp,
  type Member,
  newCar,
  newLesson,
  newOrderLists,
  newPricePolicy,
  newStaff,
  type OpenApiDocument,
  type OpenApiOperation,
  resetDatabase,
} from '@app/testing';

const SEED = 1126;
const RUNS_PER_ROUTE = 15;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/**
 * Routes the sweep leaves out, each with its reason. Empty today: every route of the document is
 * swept, the HTML report included (its 200 is text/html, which the check allows; its errors are
 * JSON like any other). The queue dashboard (`/admin/queues`) and Swagger itself are not in the
 * document, so they are not swept.
 */
const EXCLUDED: Record<string, string> = {};

interface Route {
  method: (typeof METHODS)[number];
  path: string;
  operation: OpenApiOperation;
}

function send(http: ReturnType<typeof request>, route: Route, input: BadRequest, staff: Member): request.Test {
  const url = route.path.replace(/\{(\w+)\}/g, (_match, name: string) => encodeURIComponent(input.path[name] ?? 'x'));
  let req = http[route.method](url).set('Authorization', staff.auth).query(input.query);
  for (const [name, value] of Object.entries(input.headers)) if (value !== undefined) req = req.set(name, value);
  if (input.body.kind === 'json') return req.set('Content-Type', 'application/json').send(JSON.stringify(input.body.value));
  if (input.body.kind === 'raw') return req.set('Content-Type', input.body.contentType).send(input.body.text);
  return req;
}

/** Why an answer is wrong, or null when it is acceptable: no 5xx, and every error is `{ statusCode, code, message }`. */
function problem(res: request.Response): string | null {
  if (res.status >= 500) return `${res.status} ${JSON.stringify(res.body).slice(0, 300)}`;
  if (res.status < 300) return null;
  const body = res.body as { statusCode?: unknown; code?: unknown; message?: unknown } | undefined;
  if (!String(res.headers['content-type']).startsWith('application/json')) return `${res.status} with ${res.headers['content-type']}`;
  if (body?.statusCode !== res.status || typeof body.code !== 'string' || typeof body.message !== 'string') {
    return `${res.status} body is not the error shape: ${JSON.stringify(body).slice(0, 300)}`;
  }
  return null;
}

function describeInput(input: BadRequest): string {
  return JSON.stringify(input, (_key, value: unknown) =>
    typeof value === 'string' && value.length > 80 ? `<${value.length} chars>` : value,
  ).slice(0, 600);
}

/**
 * Walks every route of the OpenAPI document with a staff token and sends generated bad input:
 * wrong types, missing and extra fields, huge strings, out-of-range numbers, invalid dates,
 * non-numeric and unknown ids, malformed JSON, text/plain bodies, arrays for objects. Any 5xx, or
 * an error answer that is not the error shape, fails with the route and the input that broke it.
 */
describe('bad input on every route (e2e)', () => {
  let app: INestApplication;
  let http: ReturnType<typeof request>;
  let doc: OpenApiDocument;
  let routes: Route[];
  let staff: Member;

  beforeAll(async () => {
    app = await createTestApp();
    http = request(app.getHttpServer());
    await resetDatabase(app);
    doc = (await http.get('/swagger-json').expect(200)).body as OpenApiDocument;
    routes = Object.entries(doc.paths).flatMap(([path, methods]) =>
      METHODS.filter((method) => methods[method]).map((method) => ({ method, path, operation: methods[method] })),
    );
    staff = await newStaff(app);
    // a little real data, so that small ids sometimes reach a row and the validation behind it
    await newPricePolicy(app);
    await newLesson(app, { startDate: '2030-01-15' });
    const car = await newCar(app);
    await newOrderLists(app, '20300115', [{}, {}]);
    expect(car.id).toBeGreaterThan(0);
  });
  afterAll(async () => {
    await app.get<Queue>(getQueueToken(EMAIL_QUEUE)).obliterate({ force: true });
    await app.close();
  });

  const label = (route: Route) => `${route.method.toUpperCase()} ${route.path}`;

  it('finds the routes, and every exclusion names a route of the document', () => {
    expect(routes.length).toBeGreaterThan(30);
    const known = new Set(routes.map(label));
    expect(Object.keys(EXCLUDED).filter((name) => !known.has(name))).toEqual([]);
  });

  it('answers generated bad input on every route without a 5xx, with the error shape', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      if (EXCLUDED[label(route)]) continue;
      const property = fc.asyncProperty(badRequest(route.operation, doc), async (input) => {
        const res = await send(http, route, input, staff);
        const wrong = problem(res);
        if (wrong) throw new Error(`${label(route)}: ${wrong}\n  input: ${describeInput(input)}`);
      });
      try {
        await fc.assert(property, { numRuns: RUNS_PER_ROUTE, seed: SEED, endOnFailure: true });
      } catch (error) {
        failures.push(
          String((error as Error).message)
            .split('\n')
            .slice(0, 6)
            .join('\n'),
        );
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers malformed JSON and text/plain bodies on every route that takes a body with a 4xx error shape', async () => {
    const failures: string[] = [];
    for (const route of routes.filter((candidate) => candidate.operation.requestBody)) {
      for (const [contentType, text] of [
        ['application/json', '{"broken":'],
        ['text/plain', 'hello'],
        ['application/json', 'null'],
      ]) {
        const res = await http[route.method](route.path.replace(/\{\w+\}/g, '1'))
          .set('Authorization', staff.auth)
          .set('Content-Type', contentType)
          .send(text);
        const wrong = problem(res) ?? (res.status < 400 ? `${res.status} accepted ${contentType} ${text}` : null);
        if (wrong) failures.push(`${label(route)} ${contentType} ${text}: ${wrong}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('refuses non-canonical numeric ids (hex, exponent, padded) with 400 naming the parameter', async () => {
    const lesson = await newLesson(app, { startDate: '2030-01-16' });
    await http.get(`/lessons/${lesson.id}`).set('Authorization', staff.auth).expect(200);
    for (const id of [`0x${lesson.id.toString(16)}`, `${lesson.id}e0`, `%20${lesson.id}`, `${lesson.id}.0`, `+${lesson.id}`]) {
      const res = await http.get(`/lessons/${id}`).set('Authorization', staff.auth);
      expect({ id, status: res.status, errors: res.body.errors }).toEqual({
        id,
        status: 400,
        errors: [{ field: 'id', messages: ['id must be a positive integer'] }],
      });
    }
  });

  it('refuses bodies over 1 MB with 413 PAYLOAD_TOO_LARGE on every route that takes a body', async () => {
    const big = JSON.stringify({ filler: 'z'.repeat(1024 * 1024 + 1) });
    const answers: string[] = [];
    for (const route of routes.filter((candidate) => candidate.operation.requestBody)) {
      const res = await http[route.method](route.path.replace(/\{\w+\}/g, '1'))
        .set('Authorization', staff.auth)
        .set('Content-Type', 'application/json')
        .send(big);
      answers.push(`${label(route)} ${res.status} ${res.body.code}`);
    }
    expect(answers).toEqual(answers.map((answer) => answer.replace(/ \d+ \S+$/, ' 413 PAYLOAD_TOO_LARGE')));
    expect(answers.length).toBeGreaterThan(10);
  });
});
