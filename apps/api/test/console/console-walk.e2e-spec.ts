import type { Page } from 'playwright-core';
import { buyCredits, FakeClock, newCar, newLesson, newMember, newStaff } from '@app/testing';
import { chooseOption, shows, showsText, useConsole } from './console-browser';

// 2026-12-01 09:30 in Asia/Seoul: the gym's today is 2026-12-01
const NOW = '2026-12-01T00:30:00Z';
const DAY = '20261201';

/**
 * The staff console's walk, in Debian's Chromium against the real API, MySQL and Redis: every step
 * a person takes, and the API's own records checked after each write.
 */
describe('Staff console: the walk (e2e, headless Chromium)', () => {
  const clock = new FakeClock(NOW);
  const web = useConsole({ clock });
  beforeEach(() => clock.set(NOW));

  const menu = (page: Page, name: string) => page.getByRole('menuitem', { name }).click();
  const choose = (page: Page, label: string, option: string) => chooseOption(page, label, option);

  it('signs staff in, creates a lesson, finds it, cancels a booking in full, grants credits, imports, loads and prints, and audits it all', async () => {
    const { app, http } = web;
    const staff = await newStaff(app, { username: 'manager.kim' });
    const member = await newMember(app, { username: 'lee.jiwoo', phoneNumber: '010-4821-3390' });
    await buyCredits(app, member, { creditCount: 10, startDate: '2026-12-01' });
    await newLesson(app, { startDate: '2026-12-07', startTime: '07:00', endTime: '08:00' }); // outside the range looked at
    const car = await newCar(app, { carNumber: '78다9012', palletCount: 2 });
    const { page, context, pageErrors, consoleErrors } = await web.open();

    // Signing in: the login page, then the dashboard with the gym's day
    await shows(page.getByRole('button', { name: '로그인' }));
    await web.screenshot(page, 'login');
    await web.signIn(page, staff);
    await shows(page.getByText('오늘의 수업 (2026-12-01)'));
    await web.screenshot(page, 'dashboard');

    // A lesson: a refusal shown beside its field, then created
    await menu(page, '수업');
    await page.getByRole('link', { name: '만들기' }).click();
    await choose(page, '지점', '서울');
    await choose(page, '종류', '크로스핏');
    await page.getByLabel('크레딧').fill('4');
    await page.getByLabel('정원').fill('12');
    await page.getByLabel('날짜').fill('2026-12-03');
    await page.getByLabel('시작').fill('10:00');
    await page.getByLabel('종료').fill('09:00');
    await page.getByRole('button', { name: '저장' }).click();
    await shows(page.getByText('종료 시각은 시작 시각보다 뒤여야 합니다.').first());
    await page.getByLabel('종료').fill('11:00');
    await page.getByRole('button', { name: '저장' }).click();
    await shows(page.getByText('예약자 명단 (0)'));
    const lessonId = Number(/lessons\/(\d+)\/show/.exec(page.url())?.[1]);
    expect(lessonId).toBeGreaterThan(0);

    // The list by date range finds it, and not the lesson outside the range
    await menu(page, '수업');
    await shows(page.getByRole('cell', { name: '07:00–08:00' })); // from today on, unfiltered
    await page.getByLabel('시작일').fill('2026-12-03');
    await page.getByLabel('종료일').fill('2026-12-03');
    await shows(page.getByRole('cell', { name: '10:00–11:00' }));
    await page.getByRole('cell', { name: '07:00–08:00' }).waitFor({ state: 'detached', timeout: 10_000 });
    await web.screenshot(page, 'lessons');

    // A member books it through the API; the roster shows them
    await http.post(`/lessons/${lessonId}/reservations`).set('Authorization', member.auth).expect(201);
    await page.getByRole('cell', { name: '10:00–11:00' }).click();
    await shows(page.getByText('예약자 명단 (1)'));
    await shows(page.getByRole('link', { name: member.user.username }));
    await web.screenshot(page, 'lesson');

    // Staff cancels the booking with a full refund from the member's page; the balance shows it
    await page.getByRole('link', { name: member.user.username }).click();
    await showsText(page.getByTestId('balance'), /^6$/);
    await page.getByRole('button', { name: '예약 취소' }).click();
    await page.getByLabel('전액 환불').check();
    await page.getByRole('button', { name: '확인' }).click();
    await shows(page.getByText('예약을 취소하고 4 크레딧을 환불했습니다'));
    await showsText(page.getByTestId('balance'), /^10$/);
    expect((await http.get('/credits/balance').set('Authorization', member.auth).expect(200)).body.balance).toBe(10);

    // Granting credits with a reason
    await page.getByRole('button', { name: '크레딧 지급' }).first().click();
    const grant = page.getByRole('dialog');
    await grant.getByRole('spinbutton', { name: '크레딧' }).fill('5');
    await grant.getByLabel('만료일').fill('2026-12-31');
    await grant.getByLabel('사유').fill('Broken shower, sorry');
    await grant.getByRole('button', { name: '크레딧 지급' }).click();
    await shows(page.getByText('5 크레딧을 지급했습니다'));
    await showsText(page.getByTestId('balance'), /^15$/);
    await shows(page.getByRole('cell', { name: 'Broken shower, sorry' }));
    // the gym's 09:30, although this browser's clock is in Los Angeles (16:30 the day before)
    await showsText(page.getByRole('row').filter({ hasText: 'Broken shower, sorry' }), '2026-12-01 09:30');
    await web.screenshot(page, 'member');

    // Order lines: a CSV with one bad line is refused whole, line by line; the good one imports
    await menu(page, '출하 주문');
    await page.getByRole('button', { name: 'CSV 가져오기' }).click();
    const importer = page.getByRole('dialog');
    const header = 'ymd,code,codeName,locationName,count';
    const bad = [header, `${DAY},A-1,생수 2L,강남점,3`, `${DAY},B-2,라면,서초점,many`].join('\n');
    await importer.locator('input[type=file]').setInputFiles({ name: 'orders.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await showsText(importer.getByRole('textbox', { name: 'CSV' }), 'many');
    await importer.getByRole('button', { name: 'CSV 가져오기' }).click();
    await shows(importer.getByText('가져오지 않았습니다. 아래 줄을 고쳐 다시 시도하세요.').first());
    await showsText(importer.getByRole('row').filter({ hasText: 'count' }), '3');
    await web.screenshot(page, 'import-refused');
    expect((await http.get('/order-lists').query({ ymd: DAY }).set('Authorization', staff.auth).expect(200)).body).toEqual([]);
    await importer
      .getByRole('textbox', { name: 'CSV' })
      .fill([header, `${DAY},A-1,생수 2L,강남점,3`, `${DAY},B-2,라면,서초점,7`].join('\n'));
    await importer.getByRole('button', { name: 'CSV 가져오기' }).click();
    await shows(page.getByText('주문 2건을 가져왔습니다'));
    await shows(page.getByRole('cell', { name: '라면' }));

    // Loading both onto pallet 1 of the car
    await page.getByRole('cell', { name: '라면' }).click();
    await page.getByRole('cell', { name: '생수 2L' }).click();
    await page.getByRole('button', { name: '팔레트에 싣기' }).click();
    const loader = page.getByRole('dialog');
    await choose(page, '차량', '78다9012');
    await choose(page, '팔레트', '1 (0 건)');
    await loader.getByRole('button', { name: '팔레트에 싣기' }).click();
    await shows(page.getByText('1번 팔레트에 주문 2건'));
    await loader.waitFor({ state: 'detached' });
    await shows(page.getByRole('row').filter({ hasText: '라면' }).getByRole('cell', { name: '78다9012 · 1' }));
    const [pallet1] = (await http.get(`/cars/${car.id}/pallets`).query({ ymd: DAY }).set('Authorization', staff.auth).expect(200)).body;
    expect(pallet1).toMatchObject({ seq: 1, orderCount: 2 });
    await web.screenshot(page, 'order-lines');

    // The printable sheet opens in a new tab, signed in by the session cookie
    await page.getByRole('button', { name: '출하지시서 열기' }).click();
    const [sheet] = await Promise.all([context.waitForEvent('page'), page.getByRole('menuitem', { name: '차량 78다9012' }).click()]);
    await sheet.waitForLoadState();
    await shows(sheet.getByText('12월 01일 출하지시서').first());
    await shows(sheet.getByRole('cell', { name: '라면' }));
    await web.screenshot(sheet, 'release-sheet');
    await sheet.close();

    // The audit log lists each of those writes, newest first, with before and after
    await menu(page, '감사 기록');
    for (const action of ['lesson.create', 'reservation.cancel', 'credit.grant', 'order-list.import', 'pallet.load']) {
      await shows(page.getByRole('cell', { name: action, exact: true }));
    }
    await chooseOption(page, '대상', 'credit');
    await page.getByRole('cell', { name: 'pallet.load', exact: true }).waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: 'credit.grant', exact: true }).click();
    await shows(page.getByText('변경 후'));
    await shows(page.getByRole('cell', { name: 'Broken shower, sorry' }).first());
    await web.screenshot(page, 'audit');

    expect(pageErrors).toEqual([]);
    // react-admin logs the two refusals the walk provoked, and nothing else went wrong
    expect(consoleErrors).toEqual([
      expect.stringContaining('종료 시각은 시작 시각보다 뒤여야 합니다.'),
      expect.stringContaining('잘못된 줄이 있어'),
    ]);
  });
});
