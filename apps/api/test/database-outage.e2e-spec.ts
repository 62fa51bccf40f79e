import { Controller, Get, type INestApplication, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/mysql';
import request from 'supertest';
import { DatabaseOutageMonitor, Public } from '@app/core';
import { createTestApp, TcpProxy } from '@app/testing';

/** A route that holds its connection in a query for a while, so a test can break it mid-query. */
@Controller('probe')
class SlowQueryController {
  constructor(private readonly em: EntityManager) {}

  @Public()
  @Get('slow')
  async slow(): Promise<{ ok: true }> {
    await this.em.getConnection().execute('select sleep(1)');
    return { ok: true };
  }
}

const UNAVAILABLE = { statusCode: 503, code: 'DATABASE_UNAVAILABLE', message: 'The database is unavailable, try again shortly' };

/** MySQL goes away and comes back (a proxy in front of the real server is cut and restored). */
describe('database outage (e2e)', () => {
  const proxy = new TcpProxy(3306);
  let app: INestApplication;
  let http: ReturnType<typeof request>;
  const realDatabaseUrl = process.env.DATABASE_URL!;

  beforeAll(async () => {
    await proxy.start();
    const url = new URL(realDatabaseUrl);
    url.port = String(proxy.port);
    process.env.DATABASE_URL = url.toString();
    app = await createTestApp({ controllers: [SlowQueryController] });
    http = request(app.getHttpServer());
  });
  afterAll(async () => {
    process.env.DATABASE_URL = realDatabaseUrl;
    await app.close();
    await proxy.cut();
  });

  it('answers 503 DATABASE_UNAVAILABLE quickly while MySQL is down, and recovers by itself', async () => {
    await http.get('/price-policies').expect(200);

    await proxy.cut();
    const started = Date.now();
    const down = await http.get('/price-policies');
    expect(down.status).toBe(503);
    expect(down.body).toEqual(UNAVAILABLE);
    expect(Date.now() - started).toBeLessThan(5_000);
    const health = await http.get('/health');
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ db: 'down', redis: 'up' });

    await proxy.start();
    let status = 0;
    for (let i = 0; i < 50 && status !== 200; i++) {
      status = (await http.get('/price-policies')).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(status).toBe(200);
    await http.get('/health').expect(200);
  });

  it('answers 503, not 500, when the connection is reset mid-query, and serves the next request', async () => {
    await http.get('/probe/slow').expect(200);
    const pending = http.get('/probe/slow');
    const answer = new Promise<request.Response>((resolve, reject) => pending.then(resolve, reject));
    await new Promise((resolve) => setTimeout(resolve, 300));
    proxy.reset();
    const reset = await answer;
    expect(reset.status).toBe(503);
    expect(reset.body).toEqual(UNAVAILABLE);
    let status = 0;
    for (let i = 0; i < 20 && status !== 200; i++) status = (await http.get('/price-policies')).status;
    expect(status).toBe(200);
  });

  it('logs an outage once when it starts and once when it ends, not once per request', async () => {
    const lines: string[] = [];
    const capture = (level: string) =>
      jest.spyOn(Logger.prototype, level as 'log').mockImplementation(function (this: Logger, message: unknown) {
        lines.push(`${level} ${String(message)}`);
      });
    // the previous test's outage ends when the monitor's probe sees MySQL again
    for (let i = 0; i < 50 && app.get(DatabaseOutageMonitor).isDown; i++) await new Promise((r) => setTimeout(r, 100));
    const spies = ['log', 'warn', 'error'].map(capture);
    try {
      await proxy.cut();
      for (let i = 0; i < 20; i++) expect((await http.get('/price-policies')).status).toBe(503);
      await proxy.start();
      for (let i = 0; i < 50 && !lines.some((line) => line.includes('available again')); i++) await new Promise((r) => setTimeout(r, 200));
      await http.get('/price-policies').expect(200);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    const outage = lines.filter((line) => line.includes('MySQL'));
    expect(outage).toEqual([
      expect.stringMatching(/^error MySQL is unavailable( \(\w+\))?: requests that need it answer 503 until it is back$/),
      expect.stringMatching(/^log MySQL is available again after [\d.]+ s; 20 requests were answered 503 meanwhile$/),
    ]);
    expect(lines.filter((line) => line.includes('failed:'))).toEqual([]);
  });
});
