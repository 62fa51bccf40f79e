import { PassThrough } from 'node:stream';
import request from 'supertest';
import { LOG_DESTINATION } from '@app/core';
import { createTestApp, resetDatabase } from '@app/testing';

/** Starts the API with NODE_ENV set and its log lines captured, asks `path` once, returns the lines. */
async function logLinesOfOneRequest(environment: string, level = 'info', path = '/lessons?limit=5'): Promise<string[]> {
  const vars: Record<string, string> = { NODE_ENV: environment, LOG_LEVEL: level };
  if (environment === 'production') Object.assign(vars, { JWT_SECRET: 'x'.repeat(40), ADMIN_PASSWORD: 'request-logs-admin' });
  const saved = Object.fromEntries(Object.keys(vars).map((key) => [key, process.env[key]]));
  Object.assign(process.env, vars);
  const lines: string[] = [];
  const destination = new PassThrough();
  destination.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean)));
  try {
    const app = await createTestApp({ overrides: [[LOG_DESTINATION, destination]] });
    try {
      await resetDatabase(app);
      await request(app.getHttpServer()).get(path).set('X-Request-Id', `trace-${environment}`).set('User-Agent', 'x'.repeat(300));
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      await app.close();
    }
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
  return lines;
}

describe('request logs (e2e)', () => {
  it('in development, one readable line per request: time, method, path, status, ms, request id, statements; no headers', async () => {
    const lines = await logLinesOfOneRequest('development');
    const requestLines = lines.filter((line) => line.includes('trace-development'));
    expect(requestLines).toEqual([
      expect.stringMatching(/^\d\d:\d\d:\d\d\.\d{3} INFO {2}GET \/lessons\?limit=5 200 \d+ ms req=trace-development sql=\d+$/),
    ]);
    expect(lines.join('\n')).not.toContain('xxxxxxxxxx');
    expect(lines.some((line) => line.startsWith('{'))).toBe(false);
  });

  it('in production, JSON lines as before', async () => {
    const lines = await logLinesOfOneRequest('production');
    const entry = lines.map((line) => JSON.parse(line) as Record<string, unknown>).find((line) => line.requestId === 'trace-production');
    expect(entry).toMatchObject({ level: 30, req: { method: 'GET', url: '/lessons?limit=5' }, res: { statusCode: 200 } });
    expect(entry).not.toHaveProperty('statements');
  });

  it('below its level, a request writes nothing; a refusal at warn still gets its line', async () => {
    expect((await logLinesOfOneRequest('production', 'warn')).filter((line) => line.includes('trace-production'))).toEqual([]);

    const refused = (await logLinesOfOneRequest('production', 'warn', '/lessons/999999'))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((entry) => entry.requestId === 'trace-production' && entry.req);
    expect(refused).toEqual([
      expect.objectContaining({ level: 40, req: { method: 'GET', url: '/lessons/999999' }, res: { statusCode: 401 } }),
    ]);
  });
});
