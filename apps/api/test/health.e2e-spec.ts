import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createTestApp, newStaff } from '@app/testing';

describe('GET /health (e2e)', () => {
  it('is public and reports both dependencies up', async () => {
    const app = await createTestApp();
    try {
      const res = await request(app.getHttpServer()).get('/health');
      expect(res.status).toBe(200);
      // the shared Redis's own setting; apps/worker/test/redis-restart.e2e-spec.ts pins each value
      expect(res.body).toEqual({ status: 'ok', db: 'up', redis: 'up', redisPersistence: expect.stringMatching(/^(aof|rdb|none)$/) });
    } finally {
      await app.close();
    }
  });

  describe('with Redis unreachable', () => {
    let app: INestApplication;
    const realRedisUrl = process.env.REDIS_URL;

    beforeAll(async () => {
      process.env.REDIS_URL = 'redis://127.0.0.1:1'; // nothing listens on port 1
      app = await createTestApp();
    });
    afterAll(async () => {
      process.env.REDIS_URL = realRedisUrl;
      await app.close();
    });

    it('answers 503 quickly, in the error shape, naming what is down', async () => {
      const started = Date.now();
      const res = await request(app.getHttpServer()).get('/health');
      expect(res.status).toBe(503);
      expect(res.body).toEqual({
        statusCode: 503,
        code: 'DEPENDENCY_DOWN',
        message: 'redis is down',
        status: 'error',
        db: 'up',
        redis: 'down',
        redisPersistence: 'unknown',
      });
      expect(Date.now() - started).toBeLessThan(5_000);
    });

    it('keeps serving routes that do not need Redis', async () => {
      await request(app.getHttpServer()).post('/auth/login').send({ username: 'nobody', password: 'x' }).expect(401);
    });

    it('answers POST /emails with 503 QUEUE_UNAVAILABLE at once', async () => {
      const staff = await newStaff(app);
      const res = await request(app.getHttpServer())
        .post('/emails')
        .set('Authorization', staff.auth)
        .send({ recipients: ['a@example.com'], subject: 'Hi', body: 'Hello' });
      expect(res.status).toBe(503);
      expect(res.body).toEqual({ statusCode: 503, code: 'QUEUE_UNAVAILABLE', message: 'The job queue is unavailable, try again shortly' });
    });
  });
});
