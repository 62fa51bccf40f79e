import type { Queue } from 'bull';
import request from 'supertest';
import { EmailDispatcher } from '@app/jobs';
import { type Member, newMember, newStaff, resetDatabase, type SmtpSink } from '@app/testing';
import { useApiWithWorker } from './api-with-worker';

/** The API enqueues; a worker (the real WorkerModule, in this process) sends to a real SMTP sink. */
describe('Background email (e2e)', () => {
  const setup = useApiWithWorker();
  let sink: SmtpSink;
  let app: typeof setup.app;
  let http: ReturnType<typeof request>;
  let staff: Member;
  let queue: Queue;

  beforeEach(async () => {
    ({ sink, app, http, queue } = setup);
    await resetDatabase(app);
    staff = await newStaff(app);
    sink.received.length = 0;
    sink.judge = () => 'accept';
  });
  afterEach(() => queue.clean(0, 'completed').then(() => queue.clean(0, 'failed')));

  const send = (recipients: string[], who: Member = staff) =>
    http.post('/emails').set('Authorization', who.auth).send({ recipients, subject: 'December timetable', body: 'New yoga classes.' });

  async function settled(taskId: string): Promise<request.Response> {
    for (let i = 0; i < 200; i++) {
      const res = await http.get(`/tasks/${taskId}`).set('Authorization', staff.auth).expect(200);
      if (res.body.state === 'completed' || res.body.state === 'failed') return res;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`task ${taskId} did not finish`);
  }

  it('answers 202 with a task id, then delivers one message per recipient', async () => {
    const res = await send(['a@example.com', 'b@example.com', 'c@example.com']);
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ taskId: expect.stringMatching(/^email-[0-9a-f-]{36}$/) });
    const task = await settled(res.body.taskId);
    expect(task.body).toEqual({
      id: res.body.taskId,
      queue: 'email',
      state: 'completed',
      progress: 100,
      attempts: 1,
      result: { sent: 3, rejected: [], unconfirmed: [] },
      error: null,
    });
    expect(sink.received.map((mail) => mail.to).sort()).toEqual(['a@example.com', 'b@example.com', 'c@example.com']);
    expect(sink.received.every((mail) => mail.subject === 'December timetable')).toBe(true);
  });

  it('records a recipient the server refuses for good, and does not retry it', async () => {
    sink.judge = (recipient) => (recipient === 'gone@example.com' ? 'reject' : 'accept');
    const { body } = await send(['a@example.com', 'gone@example.com', 'b@example.com']).expect(202);
    const task = await settled(body.taskId);
    expect(task.body).toMatchObject({ state: 'completed', attempts: 1 });
    expect(task.body.result).toEqual({
      sent: 2,
      rejected: [{ recipient: 'gone@example.com', error: expect.stringContaining('550') }],
      unconfirmed: [],
    });
  });

  it('retries a temporary failure with backoff, sending to each recipient exactly once', async () => {
    sink.judge = (recipient, attempt) => (recipient === 'slow@example.com' && attempt === 1 ? 'defer' : 'accept');
    const { body } = await send(['a@example.com', 'slow@example.com', 'b@example.com']).expect(202);
    const task = await settled(body.taskId);
    expect(task.body).toMatchObject({ state: 'completed', attempts: 2, result: { sent: 3, rejected: [] } });
    expect(sink.received.map((mail) => mail.to).sort()).toEqual(['a@example.com', 'b@example.com', 'slow@example.com']);
  });

  it('fails a job that runs out of attempts, keeping its last error', async () => {
    sink.judge = (recipient) => (recipient === 'down@example.com' ? 'defer' : 'accept');
    const { body } = await send(['a@example.com', 'down@example.com']).expect(202);
    const task = await settled(body.taskId);
    expect(task.body).toMatchObject({ state: 'failed', attempts: 5, result: null, error: expect.stringContaining('451') });
    expect(sink.received.map((mail) => mail.to)).toEqual(['a@example.com']);
  });

  it('sends a keyed mailing once, however often it is enqueued, even after its job was cleaned away', async () => {
    const dispatcher = app.get(EmailDispatcher);
    const mailing = { recipients: ['once@example.com'], subject: 'Promoted', body: 'You have a seat.' };
    const first = await dispatcher.enqueue(mailing, { key: 'test-once-1' });
    expect(first).toBe('email-test-once-1');
    expect(await dispatcher.enqueue(mailing, { key: 'test-once-1' })).toBe(first);
    await settled(first);
    await queue.clean(0, 'completed');
    await settled(await dispatcher.enqueue(mailing, { key: 'test-once-1' }));
    expect(sink.received.map((mail) => mail.to)).toEqual(['once@example.com']);
    await expect(dispatcher.enqueue(mailing, { key: 'k'.repeat(59) })).rejects.toThrow('1 to 58 characters');
  });

  it('answers 404 for unknown task ids, never a pending state', async () => {
    for (const id of ['email-00000000-0000-0000-0000-000000000000', 'nope', 'maintenance-1']) {
      const res = await http.get(`/tasks/${id}`).set('Authorization', staff.auth);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    }
  });

  it('keeps email and tasks to staff', async () => {
    const member = await newMember(app);
    expect((await send(['a@example.com'], member)).status).toBe(403);
    expect((await http.post('/emails').send({ recipients: ['a@example.com'], subject: 's', body: 'b' })).status).toBe(401);
    const { body } = await send(['a@example.com']).expect(202);
    expect((await http.get(`/tasks/${body.taskId}`).set('Authorization', member.auth)).status).toBe(403);
  });

  it('refuses bad addresses and empty lists with 400, enqueueing nothing', async () => {
    const before = await queue.getJobCounts();
    const bad = await send(['a@example.com', 'not-an-address']);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'recipients', messages: ['each value in recipients must be an email'] });
    expect((await send([])).status).toBe(400);
    expect(await queue.getJobCounts()).toEqual(before);
  });
});
