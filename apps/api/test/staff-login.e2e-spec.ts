import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createTestApp, loadPallet, newCar, newMember, newOrderLists, useStaff, useTestApp, withEnv } from '@app/testing';
import { useBrowser } from './chromium';

const DAY = '20261201';
/** What a web.browser sends when a person opens a page. */
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe('staff sign-in from a browser: /login and /logout (e2e)', () => {
  const { app, http } = useTestApp();
  const staff = useStaff(app);
  const web = useBrowser(app);

  async function sheetWithOneLine(): Promise<string> {
    const car = await newCar(app, { carNumber: '34나5678' });
    const [order] = await newOrderLists(app, DAY, [{ locationName: '서초점', code: 'A-1', codeName: '생수', count: 7 }]);
    await loadPallet(app, car.pallets.getItems()[0].id, DAY, [order]);
    return `/release/report?carId=${car.id}&ymd=${DAY}`;
  }

  const signIn = (who: { username: string; password: string }, next?: string) =>
    http
      .post('/login')
      .type('form')
      .send({ ...who, ...(next === undefined ? {} : { next }) });
  const cookiesOf = (res: request.Response): string[] => ([] as string[]).concat(res.headers['set-cookie'] ?? []);

  describe('the form', () => {
    it('is a small HTML page with its own policy: no script, posts only to this origin, output escaped', async () => {
      const res = await http.get('/login').query({ next: '/release/report?carId=1&ymd=20261201&x="><script>' }).expect(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['content-security-policy']).toMatch(/^default-src 'none'; style-src 'nonce-[^']+';.*form-action 'self'/);
      expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
      expect(res.text).toContain('<form method="post" action="/login">');
      expect(res.text).not.toMatch(/<script/i);
      expect(res.text).toContain('value="/release/report?carId=1&amp;ymd=20261201&amp;x=%22%3E%3Cscript%3E"');
    });

    it('signs staff in: the HttpOnly, SameSite=Lax cookie on both staff paths, then a 303 to next', async () => {
      const next = '/release/report?carId=5&ymd=20261201';
      const res = await signIn({ username: staff.user.username, password: staff.password }, next).expect(303);
      expect(res.headers.location).toBe(next);
      const cookies = cookiesOf(res);
      expect(cookies.map((cookie) => /Path=([^;]+)/.exec(cookie)?.[1]).sort()).toEqual(['/admin/queues', '/release']);
      for (const cookie of cookies) {
        expect(cookie.split('; ')).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Lax', 'Max-Age=900']));
        expect(cookie).not.toMatch(/; Secure/);
      }
    });

    it('marks the cookie Secure when the request came over https (through a trusted proxy)', async () => {
      (app as NestExpressApplication).set('trust proxy', 1);
      try {
        const res = await signIn({ username: staff.user.username, password: staff.password }).set('X-Forwarded-Proto', 'https').expect(303);
        for (const cookie of cookiesOf(res)) expect(cookie).toMatch(/; Secure/);
      } finally {
        (app as NestExpressApplication).set('trust proxy', false);
      }
    });

    it('shows the form again with a message and 401 for a wrong password, keeping the username and next', async () => {
      const res = await signIn({ username: staff.user.username, password: 'wrong-password' }, '/admin/queues').expect(401);
      expect(cookiesOf(res)).toEqual([]);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.text).toMatch(/<p class="message" id="message" role="alert">[^<]*The username or password is wrong/);
      expect(res.text).toContain(`value="${staff.user.username}"`);
      expect(res.text).toContain('name="next" value="/admin/queues"');
      const empty = await signIn({ username: '', password: '' }).expect(400);
      expect(empty.text).toContain('Enter a username and a password');
    });

    it.each([
      ['//evil.com/release/report'],
      ['https://evil.com/'],
      ['/\\evil.com'],
      ['/%09/evil.com'.replace('%09', '\t')],
      ['javascript:alert(1)'],
    ])('refuses to redirect off the site to %j: goes to the default page', async (next) => {
      const res = await signIn({ username: staff.user.username, password: staff.password }, next).expect(303);
      expect(res.headers.location).toBe('/admin/queues');
      const viaQuery = await http
        .post(`/login?next=${encodeURIComponent(next)}`)
        .type('form')
        .send({ username: staff.user.username, password: staff.password })
        .expect(303);
      expect(viaQuery.headers.location).toBe('/admin/queues');
    });

    it('refuses a form body larger than two fields need with 413', async () => {
      const res = await http
        .post('/login')
        .type('form')
        .send({ username: 'x'.repeat(5000), password: 'y' });
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
    });

    it('shares the login limit with POST /auth/login, and says so on the form (429, Retry-After)', async () => {
      await withEnv({ LOGIN_RATE_LIMIT: '3', LOGIN_RATE_WINDOW_SECONDS: '60' }, async () => {
        const limited = await createTestApp();
        const agent = request(limited.getHttpServer());
        try {
          const victim = await newMember(limited, { password: 'the-right-password' });
          for (let i = 0; i < 2; i++) {
            await agent
              .post('/auth/login')
              .send({ username: victim.user.username, password: `guess-${i}` })
              .expect(401);
          }
          await agent.post('/login').type('form').send({ username: victim.user.username, password: 'guess-2' }).expect(401);
          const blocked = await agent.post('/login').type('form').send({ username: victim.user.username, password: 'the-right-password' });
          expect(blocked.status).toBe(429);
          expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
          expect(blocked.headers['content-type']).toBe('text/html; charset=utf-8');
          expect(blocked.text).toMatch(/Too many attempts: try again in \d+ s/);
          expect(blocked.headers['set-cookie']).toBeUndefined();
          expect((await agent.post('/auth/login').send({ username: victim.user.username, password: 'the-right-password' })).status).toBe(
            429,
          );
        } finally {
          await limited.close();
        }
      });
    });

    it('logout clears the cookie on both paths and returns to the form', async () => {
      const res = await http.get('/logout').query({ next: '/release/report?carId=1&ymd=20261201' }).expect(303);
      expect(res.headers.location).toBe(`/login?next=${encodeURIComponent('/release/report?carId=1&ymd=20261201')}`);
      const cleared = cookiesOf(res);
      expect(cleared.map((cookie) => /Path=([^;]+)/.exec(cookie)?.[1]).sort()).toEqual(['/admin/queues', '/release']);
      for (const cookie of cleared) expect(cookie).toMatch(/^access_token=; .*Expires=Thu, 01 Jan 1970/);
    });
  });

  describe('the staff pages, opened by a browser', () => {
    it('send an unauthenticated web.browser to /login?next=<the page>, while API clients still get 401 JSON', async () => {
      const report = await sheetWithOneLine();
      for (const page of [report, '/admin/queues', '/admin/queues/queue/email?status=failed']) {
        const res = await http.get(page).set('Accept', BROWSER_ACCEPT).expect(303);
        expect(res.headers.location).toBe(`/login?next=${encodeURIComponent(page)}`);
        const api = await http.get(page).set('Accept', 'application/json');
        expect({ page, status: api.status, code: api.body.code }).toEqual({ page, status: 401, code: 'UNAUTHENTICATED' });
      }
      // the dashboard's own JSON calls are never redirected
      expect((await http.get('/admin/queues/api/queues').set('Accept', 'application/json, text/plain, */*')).status).toBe(401);
    });

    it('show a signed-in member a clear 403 page naming them, with a way to sign in as someone else', async () => {
      const report = await sheetWithOneLine();
      const member = await newMember(app);
      const signedIn = await signIn({ username: member.user.username, password: member.password }, report).expect(303);
      const cookie = cookiesOf(signedIn)
        .find((c) => c.includes('Path=/release'))!
        .split(';')[0];
      for (const page of [report]) {
        const res = await http.get(page).set('Accept', BROWSER_ACCEPT).set('Cookie', cookie).expect(403);
        expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
        expect(res.text).toContain(`Signed in as <strong id="username">${member.user.username}</strong>, who is not staff`);
        expect(res.text).toContain(`href="/logout?next=${encodeURIComponent(page).replace(/&/g, '&amp;')}"`);
      }
      const dashboardCookie = cookiesOf(signedIn)
        .find((c) => c.includes('Path=/admin/queues'))!
        .split(';')[0];
      const dashboard = await http.get('/admin/queues').set('Accept', BROWSER_ACCEPT).set('Cookie', dashboardCookie).expect(403);
      expect(dashboard.text).toContain('who is not staff');
      const api = await http.get(report).set('Cookie', cookie).expect(403);
      expect(api.body.code).toBe('FORBIDDEN');
    });

    it('in Chromium: a report link lands on the sign-in form, and signing in as staff arrives at the report', async () => {
      const report = await sheetWithOneLine();
      const context = await web.browser.newContext();
      try {
        const page = await context.newPage();
        await page.goto(`${web.base}${report}`);
        expect(new URL(page.url()).pathname).toBe('/login');
        expect(new URL(page.url()).searchParams.get('next')).toBe(report);
        await page.fill('#username', staff.user.username);
        await page.fill('#password', 'not-the-password');
        await Promise.all([page.waitForURL(/\/login/), page.click('#sign-in')]);
        expect(await page.textContent('#message')).toContain('The username or password is wrong');
        await page.fill('#password', staff.password);
        const [response] = await Promise.all([
          page.waitForResponse((res) => res.url().includes('/release/report')),
          page.click('#sign-in'),
        ]);
        expect(response.status()).toBe(200);
        await page.waitForURL(`${web.base}${report}`);
        expect(await page.textContent('#car-number')).toBe('34나5678');
        expect(await page.locator('#sheet tbody tr').count()).toBe(1);
        const cookies = await context.cookies(`${web.base}/release/report`);
        expect(cookies).toEqual([expect.objectContaining({ name: 'access_token', httpOnly: true, sameSite: 'Lax', path: '/release' })]);

        await page.goto(`${web.base}/logout?next=${encodeURIComponent(report)}`);
        expect(new URL(page.url()).pathname).toBe('/login');
        await page.goto(`${web.base}${report}`);
        expect(new URL(page.url()).pathname).toBe('/login');
      } finally {
        await context.close();
      }
    });
  });
});
