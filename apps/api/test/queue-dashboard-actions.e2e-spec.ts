import { getQueueToken } from '@nestjs/bull';
import type { Job, Queue } from 'bull';
import { EMAIL_QUEUE, type EmailJobData, SEND_EMAIL_JOB } from '@app/jobs';
import { type Member, newMember, useStaff, useTestApp } from '@app/testing';
import { useBrowser } from './chromium';

const HOST = 'gym.test';
const ORIGIN = `http://${HOST}`;

describe('queue dashboard actions: retry, promote, clean (e2e, headless Chromium)', () => {
  let queue: Queue<EmailJobData>;

  const { app, http } = useTestApp();
  const staff = useStaff(app);
  const web = useBrowser(app);
  beforeAll(async () => {
    queue = app.get<Queue<EmailJobData>>(getQueueToken(EMAIL_QUEUE));
  });
  afterEach(() => queue.obliterate({ force: true }));

  /** A send-email job that failed, as a worker leaves one: taken from the queue, then failed. */
  async function failedJob(): Promise<Job<EmailJobData>> {
    const added = await queue.add(SEND_EMAIL_JOB, { recipients: ['a@example.com'], subject: 'Hello', body: 'Hi' }, { attempts: 1 });
    const taken = (await queue.getNextJob()) as Job<EmailJobData>;
    expect(taken.id).toBe(added.id);
    // as the worker's processor would: with the lock it took, which the move releases
    await taken.moveToFailed({ message: 'SMTP said no (made to fail by the test)' });
    expect(await (await queue.getJob(added.id))!.getState()).toBe('failed');
    return taken;
  }

  const stateOf = async (job: Job) => (await queue.getJob(job.id))!.getState();

  async function dashboardCookie(who: Member): Promise<string> {
    const res = await http.post('/auth/login').send({ username: who.user.username, password: who.password }).expect(200);
    const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    return cookies.find((cookie) => cookie.includes('Path=/admin/queues'))!.split(';')[0];
  }

  /** bull-board's route behind a job's Retry button. */
  const retryPath = (job: Job) => `/admin/queues/api/queues/${EMAIL_QUEUE}/${job.id}/retry`;

  describe('over HTTP', () => {
    it('refuses a cross-origin PUT with the session cookie: 403, and the job stays failed', async () => {
      const job = await failedJob();
      const cookie = await dashboardCookie(staff);
      const crossSite = await http.put(retryPath(job)).set('Host', HOST).set('Cookie', cookie).set('Origin', 'https://evil.example');
      expect(crossSite.status).toBe(403);
      // the API's error shape, plus the title bull-board's UI shows as a notification
      expect(crossSite.body).toEqual({
        statusCode: 403,
        code: 'FORBIDDEN',
        message: `Cross-site request refused: PUT from https://evil.example, not ${ORIGIN}`,
        error: 'Not allowed',
      });
      const sameHostOtherScheme = await http.put(retryPath(job)).set('Host', HOST).set('Cookie', cookie).set('Origin', `https://${HOST}`);
      expect(sameHostOtherScheme.status).toBe(403);
      const viaReferer = await http
        .put(retryPath(job))
        .set('Host', HOST)
        .set('Cookie', cookie)
        .set('Referer', 'https://evil.example/admin/queues');
      expect(viaReferer.status).toBe(403);
      const unnamed = await http.put(retryPath(job)).set('Host', HOST).set('Cookie', cookie);
      expect(unnamed.status).toBe(403);
      const nullOrigin = await http.put(retryPath(job)).set('Host', HOST).set('Cookie', cookie).set('Origin', 'null');
      expect(nullOrigin.status).toBe(403);
      expect(await stateOf(job)).toBe('failed');
    });

    it('lets staff act from the same origin (Origin, or Referer when Origin is absent), and with a bearer token', async () => {
      const cookie = await dashboardCookie(staff);
      const first = await failedJob();
      await http.put(retryPath(first)).set('Host', HOST).set('Cookie', cookie).set('Origin', ORIGIN).expect(204);
      expect(await stateOf(first)).toBe('waiting');
      await queue.obliterate({ force: true });
      const second = await failedJob();
      await http
        .put(retryPath(second))
        .set('Host', HOST)
        .set('Cookie', cookie)
        .set('Referer', `${ORIGIN}/admin/queues/queue/email`)
        .expect(204);
      expect(await stateOf(second)).toBe('waiting');
      await queue.obliterate({ force: true });
      const third = await failedJob();
      await http.put(retryPath(third)).set('Authorization', staff.auth).expect(204);
      expect(await stateOf(third)).toBe('waiting');
    });

    it('refuses a member and an anonymous caller even from the same origin', async () => {
      const job = await failedJob();
      const member = await newMember(app);
      const asMember = await http
        .put(retryPath(job))
        .set('Host', HOST)
        .set('Cookie', await dashboardCookie(member))
        .set('Origin', ORIGIN);
      expect({ status: asMember.status, code: asMember.body.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
      const anonymous = await http.put(retryPath(job)).set('Host', HOST).set('Origin', ORIGIN);
      expect({ status: anonymous.status, code: anonymous.body.code }).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
      expect(await stateOf(job)).toBe('failed');
    });
  });

  it('in Chromium: staff signs in, opens the failed jobs, presses Retry, and the job leaves the failed list', async () => {
    const job = await failedJob();
    const context = await web.browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${web.base}/admin/queues/queue/${EMAIL_QUEUE}?status=failed`);
      expect(new URL(page.url()).pathname).toBe('/login');
      await page.fill('#username', staff.user.username);
      await page.fill('#password', staff.password);
      await Promise.all([page.waitForURL(/\/admin\/queues\/queue\/email/), page.click('#sign-in')]);
      const failedBadge = page.locator('li[class*="failed"] [class*="badge"]');
      await expect(failedBadge.textContent()).resolves.toBe('1');
      const card = page.locator('[class*="card"]', { has: page.locator(`a[href*="/email/${job.id}?"]`) });
      const actions: number[] = [];
      page.on('response', (res) => {
        if (res.request().method() !== 'GET' && res.url().includes('/admin/queues/api/')) actions.push(res.status());
      });
      // the job's own Retry button: the first of its actions, the refresh icon
      await card.locator('[class*="jobActions"] button:has(svg.lucide-refresh-cw)').click();
      const confirm = page.locator('[role="dialog"], [role="alertdialog"]');
      await expect(confirm.textContent()).resolves.toContain('Are you sure that you want to retry this job?');
      await confirm.getByRole('button', { name: 'Confirm' }).click();
      await failedBadge.waitFor({ state: 'detached' });
      expect(actions).toEqual([204]);
      expect(await stateOf(job)).toBe('waiting');
      await page.click('li[class*="waiting"] a');
      await page.locator(`a[href*="/email/${job.id}?"]`).waitFor();
    } finally {
      await context.close();
    }
  });

  it('in Chromium: when the session has ended, pressing Retry says so instead of failing silently', async () => {
    const job = await failedJob();
    const context = await web.browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${web.base}/login?next=${encodeURIComponent(`/admin/queues/queue/${EMAIL_QUEUE}?status=failed`)}`);
      await page.fill('#username', staff.user.username);
      await page.fill('#password', staff.password);
      await Promise.all([page.waitForURL(/\/admin\/queues\/queue\/email/), page.click('#sign-in')]);
      await page.locator('[class*="jobActions"] button:has(svg.lucide-refresh-cw)').click();
      await context.clearCookies();
      await page.getByRole('button', { name: 'Confirm' }).click();
      const notifications = page.getByRole('region', { name: 'Notifications' });
      await notifications.getByText('Not signed in').first().waitFor();
      expect(await notifications.innerText()).toContain('Log in as staff first');
      expect(await stateOf(job)).toBe('failed');
    } finally {
      await context.close();
    }
  });
});
