import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { getQueueToken } from '@nestjs/bull';
import type { Job, Queue } from 'bull';
import { EMAIL_QUEUE, MAINTENANCE_QUEUE, SEND_EMAIL_JOB, TASK_QUEUES } from '@app/jobs';
import { newMember, useStaff, useTestApp } from '@app/testing';

interface Listed {
  id: string;
  queue: string;
  name: string;
  state: string;
  failedAt: string;
  error: string | null;
  attempts: number;
}

describe('Failed background tasks, GET /tasks?state=failed (e2e)', () => {
  const { app, http } = useTestApp();
  const staff = useStaff(app);
  const queueOf = (name: string) => app.get<Queue>(getQueueToken(name));
  const emptyQueues = () => Promise.all(TASK_QUEUES.map((name) => queueOf(name).obliterate({ force: true })));
  beforeEach(emptyQueues);
  afterEach(emptyQueues);

  /**
   * A job that failed as a worker leaves one: added with the producers' id scheme, taken from the
   * queue with its lock, and moved to failed by Bull with the error. Each a few ms apart, so the
   * failure times order them.
   */
  async function failJob(queueName: string, name: string, error: string): Promise<string> {
    const queue = queueOf(queueName);
    const added = await queue.add(
      name,
      { recipients: ['a@example.com'], subject: 'Hi', body: 'Hi' },
      { jobId: `${queueName}-${randomUUID()}`, attempts: 1 },
    );
    const taken = (await queue.getNextJob()) as Job;
    expect(taken.id).toBe(added.id);
    await taken.moveToFailed({ message: error });
    await sleep(3);
    return String(added.id);
  }

  const list = async (query: string) =>
    (await http.get(`/tasks?state=failed${query}`).set('Authorization', staff.auth).expect(200)).body as {
      items: Listed[];
      nextCursor: string | null;
    };
  async function walk(limit: number, between?: (page: number) => Promise<void>): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | null = null;
    let page = 0;
    do {
      const body = await list(`&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      ids.push(...body.items.map((item) => item.id));
      cursor = body.nextCursor;
      await between?.(page++);
    } while (cursor);
    return ids;
  }

  it('lists failed jobs of every queue, newest failure first, as GET /tasks/:id shows them', async () => {
    const mail = await failJob(EMAIL_QUEUE, SEND_EMAIL_JOB, 'SMTP said 550');
    const chore = await failJob(MAINTENANCE_QUEUE, 'expire-credits', 'database went away');
    // a waiting job and a completed one are not listed
    await queueOf(EMAIL_QUEUE).add(SEND_EMAIL_JOB, {}, { jobId: `${EMAIL_QUEUE}-${randomUUID()}` });

    const body = await list('');
    expect(body).toEqual({
      items: [
        expect.objectContaining({ id: chore, queue: MAINTENANCE_QUEUE, name: 'expire-credits', error: 'database went away' }),
        expect.objectContaining({ id: mail, queue: EMAIL_QUEUE, name: SEND_EMAIL_JOB, error: 'SMTP said 550' }),
      ],
      nextCursor: null,
    });
    const [first] = body.items;
    const status = (await http.get(`/tasks/${first.id}`).set('Authorization', staff.auth).expect(200)).body;
    const { name: _name, failedAt, ...asStatus } = first;
    expect(asStatus).toEqual(status);
    expect(status).toMatchObject({ state: 'failed', attempts: 1, result: null });
    const job = (await queueOf(MAINTENANCE_QUEUE).getJob(chore))!;
    expect(failedAt).toBe(new Date(job.finishedOn!).toISOString());
    expect(Date.parse(body.items[0].failedAt)).toBeGreaterThan(Date.parse(body.items[1].failedAt));
  });

  it('pages through both queues with an opaque cursor, every job once, in order', async () => {
    const failed: string[] = [];
    for (let i = 0; i < 7; i += 1) failed.push(await failJob(i % 3 === 0 ? MAINTENANCE_QUEUE : EMAIL_QUEUE, SEND_EMAIL_JOB, `boom ${i}`));
    const newestFirst = [...failed].reverse();
    expect(await walk(3)).toEqual(newestFirst);
    expect(await walk(1)).toEqual(newestFirst);
    expect(await walk(100)).toEqual(newestFirst);
    expect((await list('')).items).toHaveLength(7);
    expect((await list('&limit=2')).nextCursor).toEqual(expect.any(String));
  });

  /** The ids of six failed jobs, three per queue, and the walk of them two at a time with `change` after the first page. */
  async function walkWhileChanging(
    change: (shown: string[]) => Promise<string[]>,
  ): Promise<{ seen: string[]; newestFirst: string[]; added: string[] }> {
    const failed: string[] = [];
    for (let i = 0; i < 6; i += 1) failed.push(await failJob(i % 2 ? MAINTENANCE_QUEUE : EMAIL_QUEUE, SEND_EMAIL_JOB, `boom ${i}`));
    const newestFirst = [...failed].reverse();
    const added: string[] = [];
    const seen = await walk(2, async (page) => {
      if (page === 0) added.push(...(await change(newestFirst.slice(0, 2))));
    });
    return { seen, newestFirst, added };
  }
  const retry = async (ids: string[]) => {
    for (const id of ids) await (await queueOf(id.startsWith(EMAIL_QUEUE) ? EMAIL_QUEUE : MAINTENANCE_QUEUE).getJob(id))!.retry();
  };

  it('neither repeats nor skips a job when shown jobs are retried between pages', async () => {
    const { seen, newestFirst } = await walkWhileChanging(async (shown) => {
      await retry(shown);
      return [];
    });
    expect(seen).toEqual(newestFirst);
  });

  it('neither repeats nor skips a job when newer failures come between pages (they are on a new first page)', async () => {
    const { seen, newestFirst, added } = await walkWhileChanging(async () => [
      await failJob(EMAIL_QUEUE, SEND_EMAIL_JOB, 'newer'),
      await failJob(MAINTENANCE_QUEUE, SEND_EMAIL_JOB, 'newer'),
      await failJob(EMAIL_QUEUE, SEND_EMAIL_JOB, 'newer'),
    ]);
    expect(seen).toEqual(newestFirst);
    expect((await list('')).items.map((item) => item.id)).toEqual([...added.reverse(), ...newestFirst]);
  });

  it('answers an empty page when nothing failed', async () => {
    expect(await list('')).toEqual({ items: [], nextCursor: null });
  });

  it('refuses members (403), anonymous callers (401) and bad queries (400)', async () => {
    const member = await newMember(app);
    const refused = await http.get('/tasks?state=failed').set('Authorization', member.auth);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('FORBIDDEN');
    await http.get('/tasks?state=failed').expect(401);
    for (const query of [
      '',
      '?state=waiting',
      '?state=failed&limit=0',
      '?state=failed&limit=101',
      '?state=failed&cursor=nope',
      '?state=failed&x=1',
    ]) {
      const res = await http.get(`/tasks${query}`).set('Authorization', staff.auth);
      expect({ query, status: res.status, code: res.body.code }).toEqual({ query, status: 400, code: 'VALIDATION_FAILED' });
    }
  });
});
