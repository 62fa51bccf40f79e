import { useMailingTestSetup } from './mailing-test-setup';
import { startWorker as startWorkerChild } from './worker-child';

const startWorker = (smtpUrl: string) => startWorkerChild({ SMTP_URL: smtpUrl });

describe('worker process (e2e)', () => {
  const mailing = useMailingTestSetup();

  const until = async (check: () => Promise<boolean>, what: string) => {
    for (let i = 0; i < 600; i++) {
      if (await check()) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`timed out waiting for ${what}`);
  };
  const recipients = (count: number, prefix: string) => Array.from({ length: count }, (_, i) => `${prefix}${i}@example.com`);

  it('keeps the API answering while the worker sends 1,000 emails; a SIGTERM parks the mailing, which the next worker finishes', async () => {
    const { sink, http, staff, task } = mailing;
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

    // SIGTERM: the worker stops after the message in hand and exits at once, however long the list
    const stopping = Date.now();
    worker.child.kill('SIGTERM');
    await expect(worker.exited).resolves.toBe(0);
    expect(Date.now() - stopping).toBeLessThan(5_000);
    const parked = await task(body.taskId);
    expect(['waiting', 'delayed']).toContain(parked.state);
    expect(parked.progress).toBeLessThan(100);
    const sentBeforeStop = sink.received.length;
    expect(sentBeforeStop).toBeLessThan(1000);

    const next = await startWorker(sink.url);
    await until(async () => (await task(body.taskId)).state === 'completed', 'the parked mailing to complete');
    // a park is not a failed attempt, and nothing was sent twice or lost
    expect(await task(body.taskId)).toMatchObject({ attempts: 1, result: { sent: 1000, rejected: [], unconfirmed: [] } });
    expect(new Set(sink.received.map((mail) => mail.to)).size).toBe(1000);
    expect(sink.received).toHaveLength(1000);
    next.child.kill('SIGTERM');
    await expect(next.exited).resolves.toBe(0);
  });

  it('keeps jobs enqueued while no worker runs, and the next worker sends them once', async () => {
    const { sink, http, staff, task } = mailing;
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
