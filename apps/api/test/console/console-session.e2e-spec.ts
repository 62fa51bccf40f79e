import type { Page } from 'playwright-core';
import { FakeClock, newLesson, newMember, newStaff } from '@app/testing';
import { chooseOption, shows, showsText, useConsole } from './console-browser';

const NOW = '2026-12-01T00:30:00Z';

/** Signing in and staying signed in: who may, where the tokens live, what happens when things fail. */
describe('Staff console: the session (e2e, headless Chromium)', () => {
  const clock = new FakeClock(NOW);
  const web = useConsole({ clock });
  beforeEach(() => clock.set(NOW));

  const onDashboard = (page: Page) => shows(page.getByText('오늘의 수업 (2026-12-01)'));
  const onLogin = (page: Page) => shows(page.getByRole('button', { name: '로그인' }));

  it('refuses a member with the staff-only page, and leaves them no session', async () => {
    const member = await newMember(web.app, { username: 'lee.jiwoo' });
    const { page, context, pageErrors } = await web.open();
    await web.signIn(page, member);
    await shows(page.getByRole('heading', { name: '직원 전용' }));
    await shows(page.getByText('lee.jiwoo 계정은 회원 계정입니다'));
    await web.screenshot(page, 'staff-only');
    // the login the member made is over: no refresh cookie left, and the console asks to sign in again
    expect((await context.cookies()).map((cookie) => cookie.name)).not.toContain('refresh_token');
    await page.getByRole('button', { name: '다른 계정으로 로그인' }).click();
    await onLogin(page);
    await page.goto(`${web.base}/admin#/lessons`);
    await onLogin(page);
    expect(pageErrors).toEqual([]);
  });

  it('keeps the refresh token where no script reads it, and the access token out of storage', async () => {
    const staff = await newStaff(web.app, { username: 'manager.kim' });
    const { page, context } = await web.open();
    await web.signIn(page, staff);
    await onDashboard(page);
    const refresh = (await context.cookies()).find((cookie) => cookie.name === 'refresh_token');
    expect(refresh).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/auth' });
    // what any script of the page can read (a string: the test's own types have no DOM)
    const visible = await page.evaluate<{ cookie: string; stored: string }>(
      "({ cookie: document.cookie, stored: [...Object.values(localStorage), ...Object.values(sessionStorage)].join(' ') })",
    );
    expect(visible.cookie).not.toContain('refresh_token');
    expect(visible.stored).not.toMatch(/eyJ[\w-]+\.[\w-]+\./); // no JWT anywhere a script could take it from
    expect(visible.stored).not.toContain(refresh!.value);
  });

  it('survives a reload; an ended session returns to the login, then back to the page and filter it was on', async () => {
    const staff = await newStaff(web.app, { username: 'manager.kim' });
    await newLesson(web.app, { startDate: '2026-12-04', startTime: '06:30', endTime: '07:30' });
    const { page, context } = await web.open();
    await web.signIn(page, staff);
    await onDashboard(page);
    const deepLink = `${web.base}/admin#/lessons?filter=${encodeURIComponent(JSON.stringify({ from: '2026-12-04', to: '2026-12-04' }))}`;
    await page.goto(deepLink);
    await shows(page.getByRole('cell', { name: '06:30–07:30' }));

    await page.reload();
    await shows(page.getByRole('cell', { name: '06:30–07:30' }));

    await context.clearCookies(); // the refresh token is gone (expired, revoked elsewhere)
    await page.reload();
    await onLogin(page);
    await web.signIn(page, staff);
    await shows(page.getByRole('cell', { name: '06:30–07:30' }));
    expect(decodeURIComponent(page.url())).toContain('#/lessons?filter={"from":"2026-12-04","to":"2026-12-04"}');
  });

  it('renews an access token that lapsed while the page sat idle, once, without asking to sign in', async () => {
    const staff = await newStaff(web.app, { username: 'manager.kim' });
    const { page } = await web.open();
    await page.clock.install();
    await web.signIn(page, staff);
    await onDashboard(page);
    const refreshes: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/auth/refresh')) refreshes.push(request.method());
    });
    await page.clock.fastForward('20:00'); // past JWT_EXPIRES_IN (15 minutes)
    // the dashboard's refresh reads the gym's clock, today's lessons and the failed jobs at once:
    // they share one renewal (a refresh token works once; a second use would end the login)
    await page.getByRole('button', { name: '새로고침' }).click();
    await page.getByRole('menuitem', { name: '회원' }).click();
    await shows(page.getByRole('cell', { name: staff.user.username }));
    expect(refreshes).toEqual(['POST']);
  });

  it('loses nothing when the API is briefly down: the form keeps what was typed and saves on the next try', async () => {
    const staff = await newStaff(web.app, { username: 'manager.kim' });
    const { page, consoleErrors } = await web.open();
    await web.signIn(page, staff);
    await onDashboard(page);
    await page.goto(`${web.base}/admin#/lessons/create`);
    await chooseOption(page, '지점', '부산');
    await chooseOption(page, '종류', '수영');
    await page.getByLabel('크레딧').fill('2');
    await page.getByLabel('정원').fill('8');
    await page.getByLabel('날짜').fill('2026-12-02');
    await page.getByLabel('시작').fill('06:00');
    await page.getByLabel('종료').fill('07:00');

    await page.route('**/lessons', (route) => (route.request().method() === 'POST' ? route.abort('connectionrefused') : route.fallback()));
    await page.getByRole('button', { name: '저장' }).click();
    await shows(page.getByText('API가 응답하지 않습니다. 저장된 것은 없으며 입력한 내용은 그대로입니다.'));
    expect(await page.getByLabel('정원').inputValue()).toBe('8');
    expect(await page.getByLabel('날짜').inputValue()).toBe('2026-12-02');
    await web.screenshot(page, 'api-down');

    await page.unroute('**/lessons');
    await page.getByRole('button', { name: '저장' }).click();
    await shows(page.getByText('예약자 명단 (0)'));
    const lessons = (await web.http.get('/lessons').query({ from: '2026-12-02', to: '2026-12-02' }).expect(200)).body.items;
    expect(lessons).toEqual([expect.objectContaining({ gym: 'busan', type: 'swim', maxCapacity: 8, startTime: '06:00' })]);
    expect(consoleErrors).toEqual([expect.stringContaining('API가 응답하지 않습니다')]);
  });

  it('speaks English on request and remembers it', async () => {
    const staff = await newStaff(web.app, { username: 'manager.kim' });
    const { page } = await web.open();
    await web.signIn(page, staff);
    await onDashboard(page);
    await page.getByRole('button', { name: '한국어' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await shows(page.getByText("Today's lessons (2026-12-01)"));
    await page.reload();
    await shows(page.getByRole('menuitem', { name: 'Lessons' }));
    await showsText(page.getByRole('menuitem', { name: 'Audit log' }), 'Audit log');
    await web.screenshot(page, 'dashboard-en');
  });
});
