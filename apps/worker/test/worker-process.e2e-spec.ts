import type { INestApplication } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { type ChildProcess, spawn } from 'node:child_process';
import request from 'supertest';
import { EMAIL_QUEUE } from '@app/jobs';
import { createTestApp, type Member, newStaff, resetDatabase, type SmtpSink, startSmtpSink } from '@app/testing';

/** The worker as a separate process, as it runs in production, started from source. */
function startWorker(smtpUrl: string): Promise<{ child: ChildProcess; exited: Promise<number | null> }> {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/worker/src/main.ts'],
    {
      // the tests read its log lines ("Consuming email"); the test environment logs nothing by default
      env: { ...process.env, SMTP_URL: smtpUrl, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker did not start:\n${output}`)), 60_000);
    const watch = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Consuming email')) {
        clearTimeout(timer);
        resolve({ child, exited });
      }
    };
    child.stdout?.on('data', watch);
    child.stderr?.on('data', watch);
    void exited.then((code) => reject(new Error(`worker exited with ${code}:\n${output}`)));
  });
}

describe('worker process (e2e)', () => {
  let sink: SmtpSink;
  let app: INestApplication;
  let http: ReturnType<typeof request>;
  let staff: Member;
  let queue: Queue;

  beforeAll(async () => {
    sink = await startSmtpSink();
    app = await createTestApp();
    http = request(app.getHttpServer());
    queue = app.get<Queue>(getQueueToken(EMAIL_QUEUE));
    await queue.obliterate({ force: true });
    await resetDatabase(app);
    staff = await newStaff(app);
  });
  afterAll(async () => {
    await queue.obliterate({ force: true });
    await app.close();
    await sink.close();
  });

  const task = async (taskId: string) => (await http.get(`/tasks/${taskId}`).set('Authorization', staff.auth).expect(200)).body;
  const until = async (check: () => Promise<boolean>, what: string) => {
    for (let i = 0; i < 600; i++) {
      if (await check()) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`timed out waiting for ${what}`);
  };
  const recipients = (count: number, prefix: string) => Array.from({ length: count }, (_, i) => `${prefix}${i}@example.com`);

  it('keeps the API answering while the worker sends 1,000 emails, and a SIGTERM loses and repeats nothing', async () => {
    sink.delayMs = 3;
    const worker = await startWorker(sink.url);
    const { body } = await http
      .post('/emails')
      .set('Authorization', staff.auth)
      .send({ recipients: recipients(1000, 'member'), subject: 'News', body: 'Hello' })
      .expect(202);
    await until(async () => (await task(body.taskId)).progress > 5, 'the job to be under way');

    // The API is another process: its event loop is free while the worker works.
    for (let i = 0; i < 10; i++) {
      const started = Date.now();
      await http.get('/health').expect(200);
      expect(Date.now() - started).toBeLessThan(1_000); // a functional bound, not a benchmark
    }
    expect((await task(body.taskId)).state).toBe('active');

    worker.child.kill('SIGTERM');
    await expect(worker.exited).resolves.toBe(0);
    const finished = await task(body.taskId);
    expect(finished).toMatchObject({ state: 'completed', attempts: 1, result: { sent: 1000, rejected: [] } });
    expect(new Set(sink.received.map((mail) => mail.to)).size).toBe(1000);
    expect(sink.received).toHaveLength(1000);
  });

  it('keeps jobs enqueued while no worker runs, and the next worker sends them once', async () => {
    sink.delayMs = 0;
    sink.received.length = 0;
    const { body } = await http
      .post('/emails')
      .set('Authorization', staff.auth)
      .send({ recipients: recipients(20, 'later'), subject: 'Later', body: 'Hi' })
      .expect(202);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await task(body.taskId)).state).toBe('waiting'); // the API itself consumes nothing
    const worker = await startWorker(sink.url);
    await until(async () => (await task(body.taskId)).state === 'completed', 'the job to complete');
    worker.child.kill('SIGTERM');
    await expect(worker.exited).resolves.toBe(0);
    expect(sink.received.map((mail) => mail.to).sort()).toEqual(recipients(20, 'later').sort());
  });
});
