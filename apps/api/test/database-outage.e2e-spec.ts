import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createTestApp, TcpProxy } from '@app/testing';

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
    app = await createTestApp();
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
    expect(down.body).toEqual({ statusCode: 503, code: 'DATABASE_UNAVAILABLE', message: 'The database is unavailable, try again shortly' });
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
});
