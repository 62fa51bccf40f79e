import request from 'supertest';
import { loadPallet, type Member, newCar, newMember, newOrderLists, useStaff, useTestApp } from '@app/testing';
import { useBrowser } from './chromium';

const DAY = '20261201';
const SCRIPT_CLOSER = '</script><script>window.__pwned=1;alert(1)</script>';
const IMG_PAYLOAD = '<img src=x onerror="window.__pwned=2;alert(2)">';

describe('Release: the printable report (e2e, headless Chromium)', () => {
  const { app, http } = useTestApp();
  const staff = useStaff(app);
  const web = useBrowser(app);

  /** A car whose sheet has rows on two pallets, two of them hostile; returns the rows as the page must show them. */
  async function hostileSheet(): Promise<{ carId: number; expected: string[][] }> {
    const car = await newCar(app, { carNumber: '<i>12가3456</i>', type: '1톤 & "탑차"', palletCount: 2 });
    const [p1, p2] = car.pallets.getItems();
    const [a, b, c, d] = await newOrderLists(app, DAY, [
      { locationName: '서초점', code: 'A-1', codeName: SCRIPT_CLOSER, count: 3 },
      { locationName: IMG_PAYLOAD, code: '<!--', codeName: 'Line\u2028and\u2029paragraph', count: 4 },
      { locationName: '강남점', code: 'C-3', codeName: 'Tom & Jerry', count: 5 },
      { locationName: '가산점', code: 'D-4', codeName: '생수 2L x 6', count: 6 },
    ]);
    await loadPallet(app, p2.id, DAY, [a, b]);
    await loadPallet(app, p1.id, DAY, [c, d]);
    return {
      carId: car.id,
      expected: [
        ['1', '가산점', 'D-4', '생수 2L x 6', '6'],
        ['1', '강남점', 'C-3', 'Tom & Jerry', '5'],
        ['2', IMG_PAYLOAD, '<!--', 'Line\u2028and\u2029paragraph', '4'],
        ['2', '서초점', 'A-1', SCRIPT_CLOSER, '3'],
      ],
    };
  }

  const reportPath = (carId: number) => `/release/report?carId=${carId}&ymd=${DAY}`;
  const sessionCookie = (res: request.Response): string =>
    (res.headers['set-cookie'] as unknown as string[]).find((cookie) => cookie.startsWith('access_token='))!;
  const login = async (who: Member) => http.post('/auth/login').send({ username: who.user.username, password: who.password }).expect(200);

  describe('the session cookie', () => {
    it('is set at login: HttpOnly, SameSite=Lax, Path=/release, as long as the token', async () => {
      const cookie = sessionCookie(await login(staff));
      const [pair, ...attributes] = cookie.split('; ');
      expect(pair).toMatch(/^access_token=[\w-]+\.[\w-]+\.[\w-]+$/);
      expect(attributes).toEqual(expect.arrayContaining(['Max-Age=900', 'Path=/release', 'HttpOnly', 'SameSite=Lax']));
    });

    it('opens the report and nothing else', async () => {
      const { carId } = await hostileSheet();
      const cookie = sessionCookie(await login(staff)).split(';')[0];
      expect((await http.get(reportPath(carId)).set('Cookie', cookie)).status).toBe(200);
      for (const path of ['/cars', `/cars/${carId}/release-sheet?ymd=${DAY}`, '/users/me']) {
        const res = await http.get(path).set('Cookie', cookie);
        expect({ path, status: res.status, code: res.body.code }).toEqual({ path, status: 401, code: 'UNAUTHENTICATED' });
      }
      expect((await http.get(reportPath(carId)).set('Authorization', staff.auth)).status).toBe(200);
      expect((await http.get(reportPath(carId)).set('Cookie', 'access_token=not.a.token')).status).toBe(401);
      const member = await newMember(app);
      expect((await http.get(reportPath(carId)).set('Cookie', sessionCookie(await login(member)).split(';')[0])).status).toBe(403);
    });
  });

  describe('the HTML', () => {
    it('embeds the rows as escaped JSON and allows only its own script, by a fresh nonce per response', async () => {
      const { carId, expected } = await hostileSheet();
      const first = await http.get(reportPath(carId)).set('Authorization', staff.auth).expect(200);
      expect(first.headers).toMatchObject({
        'content-type': 'text/html; charset=utf-8',
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      });
      const nonce = /script-src 'nonce-([A-Za-z0-9+/=]+)'/.exec(first.headers['content-security-policy'])?.[1];
      expect(first.headers['content-security-policy']).toMatch(/^default-src 'none'; script-src 'nonce-[^']+'; style-src 'nonce-[^']+';/);
      expect(first.text.match(/<script nonce="([^"]+)">/g)).toEqual([`<script nonce="${nonce}">`]);
      const second = await http.get(reportPath(carId)).set('Authorization', staff.auth);
      expect(second.headers['content-security-policy']).not.toContain(nonce);
      const block = /<script type="application\/json" id="rows">([^]*?)<\/script>/.exec(first.text)![1];
      expect(block).not.toMatch(/[<>&\u2028\u2029]/);
      const rows = JSON.parse(block) as Record<string, unknown>[];
      expect(rows.map((row) => [row.palletSeq, row.locationName, row.code, row.codeName, row.count].map(String))).toEqual(expected);
      expect(first.text).not.toContain('<i>12가3456</i>');
      expect(first.text).toContain('&lt;i&gt;12가3456&lt;/i&gt;');
    });

    it('answers 400 for a bad car id or day and 404 for an unknown car', async () => {
      for (const query of ['carId=abc&ymd=20261201', 'carId=1&ymd=20261345', 'ymd=20261201', 'carId=1']) {
        const res = await http.get(`/release/report?${query}`).set('Authorization', staff.auth);
        expect({ query, status: res.status, code: res.body.code }).toEqual({ query, status: 400, code: 'VALIDATION_FAILED' });
      }
      expect((await http.get(reportPath(999999)).set('Authorization', staff.auth)).status).toBe(404);
    });
  });

  describe('in the browser', () => {
    async function openReport(carId: number) {
      const context = await web.browser.newContext();
      const loginRes = await context.request.post(`${web.base}/auth/login`, {
        data: { username: staff.user.username, password: staff.password },
      });
      expect(loginRes.status()).toBe(200);
      const page = await context.newPage();
      const dialogs: string[] = [];
      const errors: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      page.on('pageerror', (error) => errors.push(error.message));
      const response = await page.goto(`${web.base}${reportPath(carId)}`);
      return { context, page, response, dialogs, errors };
    }

    it('shows every row in order, hostile text as text, and runs nothing injected', async () => {
      const { carId, expected } = await hostileSheet();
      const { context, page, response, dialogs, errors } = await openReport(carId);
      try {
        expect(response?.status()).toBe(200);
        const rows = await page.locator('#sheet tbody tr').all();
        expect(await Promise.all(rows.map((row) => row.locator('td').allTextContents()))).toEqual(expected);
        expect(await page.textContent('#total')).toBe('18');
        expect(await page.textContent('#title')).toBe('12월 01일 출하지시서');
        expect(await page.textContent('#car-number')).toBe('<i>12가3456</i>');
        expect(await page.$('#sheet img, #car-number i')).toBeNull();
        expect(await page.evaluate('typeof window.__pwned')).toBe('undefined');
        expect(dialogs).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });

    it('enforces its Content-Security-Policy: a script without the nonce does not run', async () => {
      const { carId } = await hostileSheet();
      const { context, page } = await openReport(carId);
      try {
        // DevTools' own evaluation is exempt from CSP; the script element it adds is not.
        await page.evaluate(
          `document.body.appendChild(Object.assign(document.createElement('script'), { textContent: 'window.__injected = true' }))`,
        );
        expect(await page.evaluate('typeof window.__injected')).toBe('undefined');
        expect(await page.locator('#sheet tbody tr').count()).toBe(4);
      } finally {
        await context.close();
      }
    });

    it('prints without the print button, and says so when nothing is loaded', async () => {
      const car = await newCar(app);
      const { context, page } = await openReport(car.id);
      try {
        expect(await page.isVisible('#print')).toBe(true);
        expect(await page.isVisible('#empty')).toBe(true);
        await page.emulateMedia({ media: 'print' });
        expect(await page.isVisible('#print')).toBe(false);
        expect(await page.isVisible('#sheet')).toBe(true);
        expect((await page.pdf({ format: 'A4' })).subarray(0, 5).toString()).toBe('%PDF-');
      } finally {
        await context.close();
      }
    });

    it('sends a web.browser that has not logged in to the sign-in form', async () => {
      const { carId } = await hostileSheet();
      const context = await web.browser.newContext();
      try {
        const page = await context.newPage();
        const response = await page.goto(`${web.base}${reportPath(carId)}`);
        expect(response?.status()).toBe(200);
        expect(page.url()).toBe(`${web.base}/login?next=${encodeURIComponent(reportPath(carId))}`);
        expect(await page.$('#sheet')).toBeNull();
      } finally {
        await context.close();
      }
    });
  });
});
