import type { INestApplication } from '@nestjs/common';
import { PassThrough } from 'node:stream';
import request from 'supertest';
import { LOG_DESTINATION } from '@app/core';
import { createTestApp, newMember, newStaff, resetDatabase, startRedisServer, withEnv } from '@app/testing';

/** Three (or `guesses`) wrong passwords, each refused 401, then the right one: its answer. */
async function loginAfterWrongGuesses(http: ReturnType<typeof request>, username: string, guesses: number): Promise<request.Response> {
  for (let i = 0; i < guesses; i++)
    await http
      .post('/auth/login')
      .send({ username, password: `guess-${i}` })
      .expect(401);
  return http.post('/auth/login').send({ username, password: 'the-right-password' });
}

describe('security headers, CORS, login rate limit and logs (e2e)', () => {
  describe('with the default configuration', () => {
    let app: INestApplication;
    beforeAll(async () => {
      app = await createTestApp();
    });
    afterAll(() => app.close());

    it('sends helmet security headers, with a strict Content-Security-Policy on API answers', async () => {
      const res = await request(app.getHttpServer()).get('/health').expect(200);
      expect(res.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'SAMEORIGIN' });
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(res.headers['x-powered-by']).toBeUndefined();
    });

    it('allows no cross-origin browser calls unless CORS_ORIGINS lists the origin', async () => {
      const res = await request(app.getHttpServer())
        .options('/health')
        .set('Origin', 'https://app.example.com')
        .set('Access-Control-Request-Method', 'GET');
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    });
  });

  it('answers CORS preflights for the configured origins only', async () => {
    await withEnv({ CORS_ORIGINS: 'https://app.example.com,https://admin.example.com' }, async () => {
      const app = await createTestApp();
      try {
        const allowed = await request(app.getHttpServer())
          .options('/users/me')
          .set('Origin', 'https://admin.example.com')
          .set('Access-Control-Request-Method', 'GET');
        expect(allowed.headers['access-control-allow-origin']).toBe('https://admin.example.com');
        expect(allowed.headers['access-control-allow-credentials']).toBe('true');
        const refused = await request(app.getHttpServer())
          .options('/users/me')
          .set('Origin', 'https://evil.example.com')
          .set('Access-Control-Request-Method', 'GET');
        expect(refused.headers['access-control-allow-origin']).toBeUndefined();
      } finally {
        await app.close();
      }
    });
  });

  it('limits login attempts per client and username with 429 and Retry-After', async () => {
    await withEnv({ LOGIN_RATE_LIMIT: '3', LOGIN_RATE_WINDOW_SECONDS: '60' }, async () => {
      const app = await createTestApp();
      const http = request(app.getHttpServer());
      try {
        await resetDatabase(app);
        const victim = await newMember(app, { password: 'the-right-password' });
        const blocked = await loginAfterWrongGuesses(http, victim.user.username, 3);
        expect(blocked.status).toBe(429);
        expect(blocked.body).toEqual({
          statusCode: 429,
          code: 'TOO_MANY_REQUESTS',
          message: expect.stringMatching(/^Too many login attempts; try again in \d+ s$/),
        });
        expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
        // another username from the same client is still judged on its credentials
        await http.post('/auth/login').send({ username: 'someone-else', password: 'x' }).expect(401);
      } finally {
        await app.close();
      }
    });
  });

  it('names the process that answered (X-Process-Id) outside production only', async () => {
    const pidHeader = async (vars: Record<string, string>) =>
      withEnv(vars, async () => {
        const app = await createTestApp();
        try {
          return (await request(app.getHttpServer()).get('/health')).headers['x-process-id'];
        } finally {
          await app.close();
        }
      });
    await expect(pidHeader({})).resolves.toBe(String(process.pid));
    await expect(
      pidHeader({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), ADMIN_PASSWORD: 'security-admin' }),
    ).resolves.toBeUndefined();
  });

  it('keeps the login limit in this process while Redis is down: never unlimited, never a 500', async () => {
    const redis = await startRedisServer(['--save', '', '--appendonly', 'no']);
    try {
      await withEnv({ REDIS_URL: redis.url, LOGIN_RATE_LIMIT: '3', LOGIN_RATE_WINDOW_SECONDS: '60' }, async () => {
        const app = await createTestApp();
        const http = request(app.getHttpServer());
        try {
          await resetDatabase(app);
          const victim = await newMember(app, { password: 'the-right-password' });
          await redis.stop();
          const blocked = await loginAfterWrongGuesses(http, victim.user.username, 3);
          expect(blocked.status).toBe(429);
          expect(blocked.body.code).toBe('TOO_MANY_REQUESTS');
        } finally {
          await app.close();
        }
      });
    } finally {
      await redis.stop();
    }
  });

  it('limits sign-ups per client address with 429, apart from the login limit', async () => {
    await withEnv({ SIGNUP_RATE_LIMIT: '3', LOGIN_RATE_LIMIT: '2' }, async () => {
      const app = await createTestApp();
      const http = request(app.getHttpServer());
      const signUp = (n: number) =>
        http.post('/users').send({ username: `signup_limit_${n}`, password: 'password-123', phoneNumber: '010-1234-5678' });
      try {
        await resetDatabase(app);
        for (let n = 1; n <= 3; n++) expect((await signUp(n)).status).toBe(201);
        const blocked = await signUp(4);
        expect(blocked.status).toBe(429);
        expect(blocked.body).toEqual({
          statusCode: 429,
          code: 'TOO_MANY_REQUESTS',
          message: expect.stringMatching(/^Too many sign-ups from this address; try again in \d+ s$/),
        });
        expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(500);
        // the refused sign-up created nothing, and logins are counted on their own
        await http.post('/auth/login').send({ username: 'signup_limit_4', password: 'password-123' }).expect(401);
        await http.post('/auth/login').send({ username: 'signup_limit_1', password: 'password-123' }).expect(200);
      } finally {
        await app.close();
      }
    });
  });

  it('counts a username with spaces or another case as the same name, at sign-up, login and the limit', async () => {
    await withEnv({ LOGIN_RATE_LIMIT: '3', LOGIN_RATE_WINDOW_SECONDS: '60' }, async () => {
      const app = await createTestApp();
      const http = request(app.getHttpServer());
      try {
        await resetDatabase(app);
        const created = await http
          .post('/users')
          .send({ username: '  Kim.Trim  ', password: 'the-right-password', phoneNumber: '010-1234-5678' });
        expect(created.status).toBe(201);
        expect(created.body.username).toBe('Kim.Trim');
        const taken = await http.post('/users').send({ username: 'kim.trim ', password: 'another-password', phoneNumber: '010-1234-5678' });
        expect(taken.body.code).toBe('USERNAME_TAKEN');
        const signedIn = await http.post('/auth/login').send({ username: ' kim.trim   ', password: 'the-right-password' });
        expect(signedIn.status).toBe(200);
        // the limit counts every attempt: that sign-in and two wrong guesses under other spellings exhaust it
        for (const spelling of ['Kim.Trim', ' KIM.TRIM  ']) {
          await http.post('/auth/login').send({ username: spelling, password: 'wrong-guess' }).expect(401);
        }
        const blocked = await http.post('/auth/login').send({ username: 'kim.trim\t', password: 'the-right-password' });
        expect(blocked.status).toBe(429);
      } finally {
        await app.close();
      }
    });
  });

  it('logs each request as one JSON line with its request id, and never a password or token', async () => {
    const lines: string[] = [];
    const destination = new PassThrough();
    destination.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean)));
    await withEnv({ LOG_LEVEL: 'info' }, async () => {
      const app = await createTestApp({ overrides: [[LOG_DESTINATION, destination]] });
      const http = request(app.getHttpServer());
      try {
        await resetDatabase(app);
        const staff = await newStaff(app, { password: 'super-secret-password' });
        const login = await http
          .post('/auth/login')
          .set('X-Request-Id', 'trace-login-1')
          .send({ username: staff.user.username, password: 'super-secret-password' })
          .expect(200);
        await http.get('/users/me').set('X-Request-Id', 'trace-me-1').set('Authorization', `Bearer ${login.body.accessToken}`).expect(200);
        await new Promise((resolve) => setImmediate(resolve));
        const entries = lines.map(
          (line) => JSON.parse(line) as { requestId?: string; req?: { url?: string }; res?: { statusCode?: number } },
        );
        expect(entries.find((entry) => entry.requestId === 'trace-login-1')).toMatchObject({
          req: { url: '/auth/login' },
          res: { statusCode: 200 },
        });
        expect(entries.find((entry) => entry.requestId === 'trace-me-1')).toMatchObject({
          req: { url: '/users/me' },
          res: { statusCode: 200 },
        });
        const all = lines.join('\n');
        expect(all).not.toContain('super-secret-password');
        expect(all).not.toContain(login.body.accessToken);
      } finally {
        await app.close();
      }
    });
  });
});
