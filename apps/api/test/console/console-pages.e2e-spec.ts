import { randomUUID } from 'node:crypto';
import { getQueueToken } from '@nestjs/bull';
import type { Job, Queue } from 'bull';
import type { Page } from 'playwright-core';
import { EMAIL_QUEUE, SEND_EMAIL_JOB, TASK_QUEUES } from '@app/jobs';
import { buyCredits, FakeClock, type Member, newCar, newLesson, newMember, newStaff } from '@app/testing';
import { chooseOption, shows, showsText, useConsole } from './console-browser';

const NOW = '2026-12-01T00:30:00Z';

/** The console's other pages, each a workflow through the API's rules: their refusals shown where they belong. */
describe('Staff console: the pages (e2e, headless Chromium)', () => {
  const clock = new FakeClock(NOW);
  const web = useConsole({ clock });
  beforeEach(() => clock.set(NOW));
  const queueOf = (name: string) => web.app.get<Queue>(getQueueToken(name));
  const emptyQueues = () => Promise.all(TASK_QUEUES.map((name) => queueOf(name).obliterate({ force: true })));
  beforeEach(emptyQueues);
  afterEach(emptyQueues);

  const menu = (page: Page, name: string) => page.getByRole('menuitem', { name }).click();
  const confirm = (page: Page) => page.getByRole('dialog').getByRole('button', { name: '확인' }).click();
  async function signedIn(staff: Member): Promise<Page> {
    const { page } = await web.open();
    await web.signIn(page, staff);
    await shows(page.getByText('오늘의 수업 (2026-12-01)'));
    return page;
  }
  async function bookedMember(lessonId: number, username: string): Promise<Member> {
    const member = await newMember(web.app, { username });
    await buyCredits(web.app, member, { creditCount: 10, startDate: '2026-12-01' });
    await web.http.post(`/lessons/${lessonId}/reservations`).set('Authorization', member.auth).expect(201);
    return member;
  }

  it("the dashboard: today's lessons with fill rate and waitlist, and the failed jobs", async () => {
    const staff = await newStaff(web.app, { username: 'manager.kim' });
    const full = await newLesson(web.app, { startDate: '2026-12-01', startTime: '19:00', endTime: '20:00', maxCapacity: 2 });
    await newLesson(web.app, { startDate: '2026-12-01', startTime: '07:00', endTime: '08:00', maxCapacity: 4 });
    await bookedMember(full.id, 'lee.jiwoo');
    await bookedMember(full.id, 'park.minsu');
    const waiting = await newMember(web.app, { username: 'choi.yuna' });
    await buyCredits(web.app, waiting, { creditCount: 10, startDate: '2026-12-01' });
    await web.http.post(`/lessons/${full.id}/waitlist`).set('Authorization', waiting.auth).expect(201);
    const email = queueOf(EMAIL_QUEUE);
    await email.add(
      SEND_EMAIL_JOB,
      { recipients: ['a@example.com'], subject: 'Hi', body: 'Hi' },
      { jobId: `${EMAIL_QUEUE}-${randomUUID()}`, attempts: 1 },
    );
    await ((await email.getNextJob()) as Job).moveToFailed({ message: 'SMTP 421: try again later' });

    const page = await signedIn(staff);
    const row = page.getByRole('row').filter({ hasText: '19:00–20:00' });
    await showsText(row, '2/2 (100%)');
    expect((await row.getByRole('cell').last().textContent())?.trim()).toBe('1');
    await showsText(page.getByRole('row').filter({ hasText: '07:00–08:00' }), '0/4 (0%)');
    await shows(page.getByRole('cell', { name: 'SMTP 421: try again later' }));
    await shows(page.getByRole('link', { name: '작업 대시보드 열기' }));
    await web.screenshot(page, 'dashboard');
  });

  it('members: search by phone, then deactivate and reactivate; the last staff member cannot step down', async () => {
    const staff = await newStaff(web.app, { username: 'manager.kim', phoneNumber: '010-1111-0000' });
    await newMember(web.app, { username: 'lee.jiwoo', phoneNumber: '010-4821-3390' });
    await newMember(web.app, { username: 'park.minsu', phoneNumber: '010-7777-1234' });
    const page = await signedIn(staff);
    await menu(page, '회원');
    await shows(page.getByRole('cell', { name: 'park.minsu' }));
    await page.getByPlaceholder('아이디 또는 전화번호').fill('010-48');
    await page.getByRole('cell', { name: 'park.minsu' }).waitFor({ state: 'detached' });
    await web.screenshot(page, 'members');
    await page.getByRole('cell', { name: 'lee.jiwoo' }).click();

    await page.getByRole('button', { name: '비활성화' }).click();
    await confirm(page);
    await shows(page.getByRole('button', { name: '다시 활성화' }));
    const [lee] = (await web.http.get('/users').query({ search: 'lee.jiwoo' }).set('Authorization', staff.auth).expect(200)).body.items;
    expect(lee).toMatchObject({ isActive: false });
    await page.getByRole('button', { name: '다시 활성화' }).click();
    await confirm(page);
    await shows(page.getByRole('button', { name: '비활성화' }));

    await page.goto(`${web.base}/admin#/members/${staff.user.id}/show`);
    await page.getByRole('button', { name: '직원 해제' }).click();
    await confirm(page);
    // the refusal in the dialog itself: the previous action's "saved" notice may still be showing below
    await shows(page.getByRole('dialog').getByRole('alert').filter({ hasText: '활성 직원이 한 명도 남지 않게 됩니다.' }));
    const [me] = (await web.http.get('/users').query({ search: 'manager.kim' }).set('Authorization', staff.auth).expect(200)).body.items;
    expect(me).toMatchObject({ isStaff: true });
  });

  it('pages through a list by the API’s cursor: next, the last page counted, and back', async () => {
    const staff = await newStaff(web.app, { username: 'manager.kim' });
    for (let i = 1; i <= 12; i += 1) await newMember(web.app, { username: `member.${String(i).padStart(2, '0')}` });
    const cursors: string[] = [];
    const page = await signedIn(staff);
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname === '/users') cursors.push(url.searchParams.get('cursor') ?? '');
    });
    await menu(page, '회원');
    await shows(page.getByText('1-10 / 10개 이상'));
    await page.getByRole('button', { name: '다음 페이지' }).click();
    await shows(page.getByText('11-13 / 13'));
    await page.getByRole('button', { name: '이전 페이지' }).click();
    await shows(page.getByText('1-10 / 10개 이상'));
    // page 1 without a cursor, page 2 with the cursor page 1 answered, each asked for once
    expect(cursors.filter((cursor) => cursor !== '')).toHaveLength(1);
    expect(cursors.length).toBeLessThanOrEqual(3);
  });

  it('lessons: a capacity below the bookings is refused beside the field; cancelling the lesson refunds everyone', async () => {
    const staff = await newStaff(web.app, { username: 'manager.kim' });
    const lesson = await newLesson(web.app, {
      startDate: '2026-12-05',
      startTime: '18:00',
      endTime: '19:00',
      maxCapacity: 4,
      creditCount: 3,
    });
    const [lee] = [await bookedMember(lesson.id, 'lee.jiwoo'), await bookedMember(lesson.id, 'park.minsu')];
    const page = await signedIn(staff);
    await page.goto(`${web.base}/admin#/lessons/${lesson.id}`);
    await page.getByLabel('정원').fill('1');
    await page.getByRole('button', { name: '저장' }).click();
    await shows(page.getByText('이미 예약한 회원이 이 정원보다 많습니다.'));
    await web.screenshot(page, 'lesson-edit');
    await page.getByLabel('정원').fill('6');
    await page.getByRole('button', { name: '저장' }).click();
    await shows(page.getByText('예약자 명단 (2)'));
    await shows(page.getByText('6', { exact: true }));

    await page.getByRole('button', { name: '수업 취소' }).click();
    await page.getByRole('dialog').getByLabel('사유').fill('Instructor ill');
    await confirm(page);
    await shows(page.getByText('수업을 취소했습니다. 예약 2건 환불'));
    await shows(page.getByText('예약자 명단 (0)'));
    expect((await web.http.get('/credits/balance').set('Authorization', lee.auth).expect(200)).body.balance).toBe(10);
  });

  it('price policies: create one, then retire it', async () => {
    const staff = await newStaff(web.app, { username: 'manager.kim' });
    const page = await signedIn(staff);
    await menu(page, '이용권');
    await page.getByRole('link', { name: '만들기' }).click();
    await page.getByLabel('이름').fill('Winter 20');
    await page.getByLabel('가격 (원)').fill('180000');
    await page.getByLabel('크레딧').fill('20');
    await page.getByLabel('유효 기간 (일)').fill('60');
    await page.getByRole('button', { name: '저장' }).click();
    const row = page.getByRole('row').filter({ hasText: 'Winter 20' });
    await row.getByRole('button', { name: '판매 중지' }).click();
    await confirm(page);
    await shows(page.getByText('판매 중지됨'));
    await row.getByRole('button', { name: '판매 중지' }).waitFor({ state: 'detached' });
    await web.screenshot(page, 'price-policies');
    const [policy] = (await web.http.get('/price-policies').set('Authorization', staff.auth).expect(200)).body;
    expect(policy).toMatchObject({ name: 'Winter 20', price: 180000, isActive: false });
  });

  it('feed and polls: browse by type, remove an item, close a poll', async () => {
    const staff = await newStaff(web.app, { username: 'manager.kim' });
    const member = await newMember(web.app, { username: 'lee.jiwoo' });
    const as = (path: string, body: object) => web.http.post(path).set('Authorization', member.auth).send(body).expect(201);
    await as('/feeds/posts', { title: 'Lost water bottle', body: 'Blue, left in the yoga room' });
    await as('/feeds/games', { gameName: 'Futsal night', gameLocation: 'Busan court 2' });
    await as('/feeds/teams', { roomName: 'Morning swimmers' });
    await as('/polls', {
      head: 'New class time?',
      message: 'Pick one',
      isAnonymousVote: false,
      isMultipleVote: false,
      questions: ['06:00', '21:00'],
    });

    const page = await signedIn(staff);
    await menu(page, '피드');
    await shows(page.getByRole('cell', { name: 'Morning swimmers' }));
    await chooseOption(page, '종류', '경기');
    await page.getByRole('cell', { name: 'Morning swimmers' }).waitFor({ state: 'detached' });
    await page.getByRole('row').filter({ hasText: 'Futsal night' }).getByRole('button', { name: '삭제' }).click();
    await confirm(page);
    await page.getByRole('cell', { name: /Futsal night/ }).waitFor({ state: 'detached' });
    expect((await web.http.get('/feeds').set('Authorization', staff.auth).expect(200)).body.items).toHaveLength(2);
    await page.getByRole('button', { name: '필터 지우기' }).click();
    await shows(page.getByRole('cell', { name: 'Morning swimmers' }));
    await web.screenshot(page, 'feed');

    await menu(page, '투표');
    const poll = page.getByRole('row').filter({ hasText: 'New class time?' });
    await showsText(poll, '진행 중');
    await poll.getByRole('button', { name: '투표 마감' }).click();
    await confirm(page);
    await showsText(poll, '마감');
    await web.screenshot(page, 'polls');
  });

  it('cars: a number already in use is refused beside the field', async () => {
    const staff = await newStaff(web.app, { username: 'manager.kim' });
    await newCar(web.app, { carNumber: '78다9012', palletCount: 2 });
    const page = await signedIn(staff);
    await menu(page, '차량');
    await page.getByRole('link', { name: '만들기' }).click();
    await page.getByLabel('차량 번호').fill('78다9012');
    await page.getByLabel('차종').fill('1톤 탑차');
    await page.getByLabel('팔레트').fill('3');
    await page.getByRole('button', { name: '저장' }).click();
    await shows(page.getByText('같은 번호의 차량이 있습니다.'));
    await web.screenshot(page, 'car-refused');
    await page.getByLabel('차량 번호').fill('12가3456');
    await page.getByRole('button', { name: '저장' }).click();
    await shows(page.getByRole('cell', { name: '12가3456' }));
    await web.screenshot(page, 'cars');
  });
});
