import type request from 'supertest';
import { newMember, newStaff, useTestApp } from '@app/testing';

const ACCESS_ONLY = {
  accessToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
  tokenType: 'Bearer',
  expiresIn: 900,
};
const INVALID_REFRESH_TOKEN = { statusCode: 401, code: 'INVALID_REFRESH_TOKEN', message: expect.any(String) };
const THIRTY_DAYS_SECONDS = 30 * 86_400;

const cookiesOf = (res: request.Response): string[] => ([] as string[]).concat(res.headers['set-cookie'] ?? []);
const cookieNamed = (res: request.Response, name: string): string[] => cookiesOf(res).filter((cookie) => cookie.startsWith(`${name}=`));
/** The value the answer set for the refresh cookie (not a clearing one). */
function refreshCookieValue(res: request.Response): string {
  const [cookie] = cookieNamed(res, 'refresh_token');
  const value = cookie?.split(';')[0].slice('refresh_token='.length);
  if (!value) throw new Error(`no refresh_token cookie in ${JSON.stringify(cookiesOf(res))}`);
  return value;
}
const isCleared = (cookie: string) => /^[^=]+=;/.test(cookie) && cookie.includes('Expires=Thu, 01 Jan 1970');

describe('Refresh token in an HttpOnly cookie, for browser apps (e2e)', () => {
  const { app, http } = useTestApp();

  const refreshWithCookie = (value: string) => http.post('/auth/refresh').set('Cookie', `refresh_token=${value}`).send({});
  async function cookieLogin(staff = false): Promise<{ res: request.Response; cookie: string; userId: number }> {
    const member = staff ? await newStaff(app) : await newMember(app);
    const res = await http
      .post('/auth/login')
      .send({ username: member.user.username, password: member.password, refreshTokenIn: 'cookie' })
      .expect(200);
    return { res, cookie: refreshCookieValue(res), userId: member.user.id };
  }

  it('keeps the refresh token out of the answer and puts it in an HttpOnly, SameSite=Strict cookie for /auth', async () => {
    const { res, cookie } = await cookieLogin();
    expect(res.body).toEqual(ACCESS_ONLY);
    const [setCookie] = cookieNamed(res, 'refresh_token');
    expect(cookie).toMatch(/^[\w-]{43}$/);
    expect(setCookie.split('; ')).toEqual(
      expect.arrayContaining(['Path=/auth', 'HttpOnly', 'SameSite=Strict', `Max-Age=${THIRTY_DAYS_SECONDS}`]),
    );
    // plain http: not Secure, or the browser would never send it back
    expect(setCookie).not.toContain('Secure');
    // the staff pages' session cookies are set as with a body login
    expect(cookieNamed(res, 'access_token').map((c) => c.match(/Path=[^;]+/)![0])).toEqual(['Path=/release', 'Path=/admin/queues']);
  });

  it('answers a body login as before, with no refresh cookie', async () => {
    const member = await newMember(app);
    for (const body of [{}, { refreshTokenIn: 'body' }]) {
      const res = await http
        .post('/auth/login')
        .send({ username: member.user.username, password: member.password, ...body })
        .expect(200);
      expect(res.body).toEqual({ ...ACCESS_ONLY, refreshToken: expect.stringMatching(/^[\w-]{43}$/) });
      expect(cookieNamed(res, 'refresh_token')).toEqual([]);
    }
  });

  it('refuses any other refreshTokenIn with 400 VALIDATION_FAILED, before the password is checked', async () => {
    const member = await newMember(app);
    for (const refreshTokenIn of ['nonsense', 'Cookie', 1, null]) {
      const res = await http.post('/auth/login').send({ username: member.user.username, password: 'wrong', refreshTokenIn });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      expect(res.body.errors.map((error: { field: string }) => error.field)).toEqual(['refreshTokenIn']);
    }
  });

  it('renews with the cookie alone, twice in a row, rotating the cookie and never answering the refresh token', async () => {
    const { cookie: first } = await cookieLogin();
    const second = await refreshWithCookie(first);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(ACCESS_ONLY);
    const secondCookie = refreshCookieValue(second);
    expect(secondCookie).not.toBe(first);
    expect(cookieNamed(second, 'refresh_token')[0].split('; ')).toEqual(
      expect.arrayContaining(['Path=/auth', 'HttpOnly', 'SameSite=Strict', `Max-Age=${THIRTY_DAYS_SECONDS}`]),
    );
    await http.get('/users/me').set('Authorization', `Bearer ${second.body.accessToken}`).expect(200);

    const third = await refreshWithCookie(secondCookie);
    expect(third.status).toBe(200);
    expect(third.body).toEqual(ACCESS_ONLY);
    expect(refreshCookieValue(third)).not.toBe(secondCookie);
    // a request without a body at all is the same
    const fourth = await http.post('/auth/refresh').set('Cookie', `refresh_token=${refreshCookieValue(third)}`);
    expect(fourth.status).toBe(200);
    expect(fourth.body).toEqual(ACCESS_ONLY);
  });

  it('refuses a used cookie, clears it, and revokes every token of its login, as in the body', async () => {
    const { cookie: stolen } = await cookieLogin();
    const otherLogin = await cookieLogin();
    const owner = await refreshWithCookie(stolen).expect(200);
    const thief = await refreshWithCookie(stolen);
    expect(thief.status).toBe(401);
    expect(thief.body).toEqual({ ...INVALID_REFRESH_TOKEN, message: expect.stringContaining('already used') });
    expect(cookieNamed(thief, 'refresh_token')).toEqual([expect.stringContaining('Path=/auth')]);
    expect(isCleared(cookieNamed(thief, 'refresh_token')[0])).toBe(true);
    // the owner's newest cookie is of the same family: revoked too, in the cookie and in the body
    expect((await refreshWithCookie(refreshCookieValue(owner))).body).toEqual(INVALID_REFRESH_TOKEN);
    await refreshWithCookie(otherLogin.cookie).expect(200);
  });

  it('answers 401 with neither a body token nor a cookie, and for an unknown cookie (clearing it)', async () => {
    for (const call of [() => http.post('/auth/refresh').send({}), () => http.post('/auth/refresh')]) {
      const res = await call();
      expect(res.status).toBe(401);
      expect(res.body).toEqual(INVALID_REFRESH_TOKEN);
    }
    const other = await http.post('/auth/refresh').set('Cookie', 'theme=dark').send({});
    expect(other.body).toEqual(INVALID_REFRESH_TOKEN);
    const unknown = await refreshWithCookie('x'.repeat(43));
    expect(unknown.status).toBe(401);
    expect(isCleared(cookieNamed(unknown, 'refresh_token')[0])).toBe(true);
    // a body token that fails leaves the browser's cookie alone
    const bodyRefused = await http
      .post('/auth/refresh')
      .set('Cookie', 'refresh_token=abc')
      .send({ refreshToken: 'x'.repeat(43) });
    expect(bodyRefused.status).toBe(401);
    expect(cookieNamed(bodyRefused, 'refresh_token')).toEqual([]);
  });

  it('sets the staff pages’ session cookies again on every refresh, cookie or body, so they stay signed in', async () => {
    const { cookie } = await cookieLogin(true);
    const byCookie = await refreshWithCookie(cookie).expect(200);
    const member = await newMember(app);
    const bodyLogin = await http.post('/auth/login').send({ username: member.user.username, password: member.password }).expect(200);
    const byBody = await http.post('/auth/refresh').send({ refreshToken: bodyLogin.body.refreshToken }).expect(200);
    for (const res of [byCookie, byBody]) {
      const sessions = cookieNamed(res, 'access_token');
      expect(sessions.map((c) => c.match(/Path=[^;]+/)![0])).toEqual(['Path=/release', 'Path=/admin/queues']);
      for (const session of sessions) {
        expect(session.startsWith(`access_token=${res.body.accessToken};`)).toBe(true);
        expect(session.split('; ')).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Lax', 'Max-Age=900']));
      }
    }
    // the renewed cookie opens a staff page
    await http.get('/admin/queues/api/queues').set('Cookie', `access_token=${byCookie.body.accessToken}`).expect(200);
  });

  it('logs out with the cookie: clears it and the session cookies, and the login no longer renews', async () => {
    const { cookie, res: login } = await cookieLogin();
    const rotated = await refreshWithCookie(cookie).expect(200);
    const current = refreshCookieValue(rotated);
    const out = await http
      .post('/auth/logout')
      .set('Authorization', `Bearer ${login.body.accessToken}`)
      .set('Cookie', `refresh_token=${current}`)
      .send({});
    expect(out.status).toBe(204);
    const cleared = cookiesOf(out);
    expect(cleared.filter((c) => c.startsWith('refresh_token=')).every(isCleared)).toBe(true);
    expect(cleared.filter((c) => c.startsWith('refresh_token='))).toEqual([expect.stringContaining('Path=/auth')]);
    expect(cleared.filter((c) => c.startsWith('access_token=') && isCleared(c))).toHaveLength(2);
    expect((await refreshWithCookie(current)).body).toEqual(INVALID_REFRESH_TOKEN);
  });

  it('logs out with neither a body token nor a cookie: 204, nothing revoked, cookies cleared; still needs the bearer token', async () => {
    const { cookie, res: login } = await cookieLogin();
    const out = await http.post('/auth/logout').set('Authorization', `Bearer ${login.body.accessToken}`);
    expect(out.status).toBe(204);
    expect(cookieNamed(out, 'refresh_token').every(isCleared)).toBe(true);
    await refreshWithCookie(cookie).expect(200);
    const anonymous = await http.post('/auth/logout').set('Cookie', `refresh_token=${cookie}`).send({});
    expect(anonymous.status).toBe(401);
  });
});
