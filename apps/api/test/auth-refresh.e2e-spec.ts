import { createHash } from 'node:crypto';
import request from 'supertest';
import { createTestApp, FakeClock, forkEm, newMember, useTestApp, withEnv } from '@app/testing';

const NOW = '2030-01-10T01:00:00Z';
const DAY_MS = 86_400_000;
const at = (ms: number) => new Date(Date.parse(NOW) + ms);

const TOKEN_PAIR = {
  accessToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
  refreshToken: expect.stringMatching(/^[\w-]{43}$/),
  tokenType: 'Bearer',
  expiresIn: 900,
};
const INVALID_REFRESH_TOKEN = { statusCode: 401, code: 'INVALID_REFRESH_TOKEN', message: expect.any(String) };

describe('Refresh tokens: sessions an app can keep (e2e)', () => {
  const clock = new FakeClock(NOW);
  const { app, http } = useTestApp({ clock, beforeEach: () => clock.set(NOW) });

  const refresh = (refreshToken: string) => http.post('/auth/refresh').send({ refreshToken });
  const me = (accessToken: string) => http.get('/users/me').set('Authorization', `Bearer ${accessToken}`);
  async function login(): Promise<{ accessToken: string; refreshToken: string; userId: number }> {
    const member = await newMember(app);
    const res = await http.post('/auth/login').send({ username: member.user.username, password: member.password }).expect(200);
    return { ...res.body, userId: member.user.id };
  }

  it('answers a sign-up with tokens that open the API and renew', async () => {
    const signUp = await http.post('/users').send({ username: 'new.member', password: 'correct horse', phoneNumber: '010-1234-5678' });
    expect(signUp.status).toBe(201);
    expect(signUp.body).toMatchObject({ username: 'new.member', ...TOKEN_PAIR });
    expect((await me(signUp.body.accessToken).expect(200)).body).toMatchObject({ id: signUp.body.id, username: 'new.member' });
    expect((await refresh(signUp.body.refreshToken).expect(200)).body).toEqual(TOKEN_PAIR);
  });

  it('gives a login an access token of JWT_EXPIRES_IN seconds and a refresh token', async () => {
    const tokens = await login();
    expect(tokens).toMatchObject(TOKEN_PAIR);
    const claims = JSON.parse(Buffer.from(tokens.accessToken.split('.')[1], 'base64url').toString());
    expect(claims.exp - claims.iat).toBe(900);
  });

  it('follows JWT_EXPIRES_IN for the access token, the answer and the session cookie', async () => {
    await withEnv({ JWT_EXPIRES_IN: '120' }, async () => {
      const shortLived = await createTestApp();
      try {
        const member = await newMember(shortLived);
        const res = await request(shortLived.getHttpServer())
          .post('/auth/login')
          .send({ username: member.user.username, password: member.password })
          .expect(200);
        expect(res.body.expiresIn).toBe(120);
        const claims = JSON.parse(Buffer.from(res.body.accessToken.split('.')[1], 'base64url').toString());
        expect(claims.exp - claims.iat).toBe(120);
        expect(([] as string[]).concat(res.headers['set-cookie'])).toEqual(
          expect.arrayContaining([expect.stringContaining('Max-Age=120')]),
        );
      } finally {
        await shortLived.close();
      }
    });
  });

  it('stores only the hash of a refresh token', async () => {
    const { refreshToken, userId } = await login();
    const rows = await forkEm(app).execute<{ tokenHash: string; userId: number }[]>(
      'select token_hash as tokenHash, user_id as userId from refresh_token',
    );
    expect(rows).toEqual([{ tokenHash: createHash('sha256').update(refreshToken).digest('hex'), userId }]);
    expect(JSON.stringify(rows)).not.toContain(refreshToken);
  });

  it('rotates: the answer is a new pair, and the refresh token sent stops working', async () => {
    const first = await login();
    const second = await refresh(first.refreshToken);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(TOKEN_PAIR);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    await me(second.body.accessToken).expect(200);
    expect((await refresh(second.body.refreshToken).expect(200)).body).toEqual(TOKEN_PAIR);
    const again = await refresh(first.refreshToken);
    expect(again.status).toBe(401);
    expect(again.body).toEqual(INVALID_REFRESH_TOKEN);
  });

  it('revokes every token of the login when a used refresh token comes back, and no other login', async () => {
    const stolen = await login();
    const otherDevice = await refresh((await login()).refreshToken).expect(200);
    const owner = await refresh(stolen.refreshToken).expect(200);
    const thief = await refresh(stolen.refreshToken);
    expect(thief.status).toBe(401);
    expect(thief.body).toEqual({ ...INVALID_REFRESH_TOKEN, message: expect.stringContaining('already used') });
    // the owner's newest token is of the same family: revoked too
    expect((await refresh(owner.body.refreshToken)).body).toEqual(INVALID_REFRESH_TOKEN);
    await refresh(otherDevice.body.refreshToken).expect(200);
  });

  it('refuses an unknown or a missing refresh token with 401, and a malformed one with 400', async () => {
    expect((await refresh('x'.repeat(43))).body).toEqual(INVALID_REFRESH_TOKEN);
    // no body token and no refresh_token cookie (auth-refresh-cookie.e2e-spec): nothing to exchange
    const missing = await http.post('/auth/refresh').send({});
    expect(missing.status).toBe(401);
    expect(missing.body).toEqual(INVALID_REFRESH_TOKEN);
    const malformed = await http.post('/auth/refresh').send({ refreshToken: 42 });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors.map((error: { field: string }) => error.field)).toEqual(['refreshToken']);
    expect((await http.post('/auth/refresh').send({ refreshToken: 'x', extra: 1 })).status).toBe(400);
  });

  it('expires a refresh token REFRESH_TOKEN_DAYS after it was issued, on the app clock', async () => {
    const early = await login();
    const late = await login();
    clock.set(at(30 * DAY_MS - 1000));
    const renewed = await refresh(early.refreshToken).expect(200);
    clock.set(at(30 * DAY_MS));
    const expired = await refresh(late.refreshToken);
    expect(expired.status).toBe(401);
    expect(expired.body).toEqual({ ...INVALID_REFRESH_TOKEN, message: expect.stringContaining('expired') });
    // each exchange starts 30 days afresh
    clock.set(at(59 * DAY_MS));
    await refresh(renewed.body.refreshToken).expect(200);
  });

  it('logs out: 204, then the login cannot renew; other logins and other users are untouched', async () => {
    const session = await login();
    const rotated = await refresh(session.refreshToken).expect(200);
    const sameUserElsewhere = await http.post('/auth/refresh').send({ refreshToken: (await login()).refreshToken });
    const someoneElse = await login();

    const out = await http
      .post('/auth/logout')
      .set('Authorization', `Bearer ${rotated.body.accessToken}`)
      .send({ refreshToken: rotated.body.refreshToken });
    expect(out.status).toBe(204);
    expect(out.text).toBe('');
    expect((await refresh(rotated.body.refreshToken)).body).toEqual(INVALID_REFRESH_TOKEN);

    // another user's refresh token: left alone, and the answer says nothing about it
    await http
      .post('/auth/logout')
      .set('Authorization', `Bearer ${rotated.body.accessToken}`)
      .send({ refreshToken: someoneElse.refreshToken })
      .expect(204);
    await refresh(someoneElse.refreshToken).expect(200);
    await refresh(sameUserElsewhere.body.refreshToken).expect(200);
    await http.post('/auth/logout').send({ refreshToken: someoneElse.refreshToken }).expect(401);
  });

  it('lets exactly one of several concurrent refreshes with one token through, and revokes the login', async () => {
    const { refreshToken } = await login();
    const hash = createHash('sha256').update(refreshToken).digest('hex');
    // Hold the token's row lock so that every request has read the token as unused before any of
    // them can mark it: only the conditional UPDATE can then tell the winner from the others.
    let release!: () => void;
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = forkEm(app).transactional(async (tx) => {
      await tx.execute('select id from refresh_token where token_hash = ? for update', [hash]);
      locked();
      await new Promise<void>((resolve) => (release = resolve));
    });
    await isLocked;
    const racing = [1, 2, 3].map(() => refresh(refreshToken).then((res) => res));
    try {
      await waitForLockWaits(3);
    } finally {
      release();
      await holder;
    }
    const results = await Promise.all(racing);
    expect(results.map((res) => res.status).sort()).toEqual([200, 401, 401]);
    const winner = results.find((res) => res.status === 200)!;
    await me(winner.body.accessToken).expect(200);
    // the losers were treated as reuse: the winner's refresh token is revoked with its family
    expect((await refresh(winner.body.refreshToken)).body).toEqual(INVALID_REFRESH_TOKEN);
  });

  /** Waits until `count` connections of this database are stuck in the UPDATE of a refresh token (the racing requests). */
  async function waitForLockWaits(count: number): Promise<void> {
    const em = forkEm(app);
    for (let attempt = 0; attempt < 200; attempt++) {
      const [row] = await em.execute<{ waiting: number }[]>(
        `select count(*) as waiting from information_schema.processlist
          where db = database() and command = 'Query' and info like 'update \`refresh\\_token\` set \`used\\_at\`%'`,
      );
      if (Number(row.waiting) >= count) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`${count} requests never waited for the token's row lock`);
  }
});
