import { createServer, type Server } from 'node:http';
import { compareReads, comparedPid } from './compare';
import { findListeningPid } from './proc-cpu';

describe('the bench against another base URL (BENCH_COMPARE_URL)', () => {
  let server: Server;
  let url: string;
  const seen: { path: string; authorization?: string }[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push({ path: req.url!, authorization: req.headers.authorization });
      res.end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('finds the process listening on a port, as it finds MariaDB by its configured port', () => {
    expect(findListeningPid(Number(new URL(url).port))).toBe(process.pid);
    expect(comparedPid(url, undefined)).toBe(process.pid);
    expect(comparedPid('http://192.0.2.1:8000', undefined)).toBeUndefined();
    expect(comparedPid('http://192.0.2.1:8000', '42')).toBe(42);
  });

  it('drives the same paths with the same token there and reports a row per read', async () => {
    const rows = await compareReads(
      `${url}/`,
      [{ name: 'GET /lessons/:id', path: '/lessons/7', as: 'member', token: 't0k' }],
      { connections: 2, seconds: 1, warmUpSeconds: 1 },
      { server: process.pid, database: undefined },
    );

    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ endpoint: `${url}/: GET /lessons/:id`, non2xx: 0, errors: 0 });
    expect(rows[0]!.requests).toBeGreaterThan(0);
    expect(rows[0]!.apiCpuMsPerRequest).not.toBeNull();
    expect(new Set(seen.map((request) => `${request.path} ${request.authorization}`))).toEqual(new Set(['/lessons/7 Bearer t0k']));
  });
});
