import { useMailingTestSetup } from './mailing-test-setup';
import { startWorker, type WorkerChild } from './worker-child';

/**
 * A worker SIGKILLed twice in one mailing: the mailing resumes each time and no recipient gets two
 * messages or none. Each kill lands while the server holds a message (after its data, before its
 * reply): the slow part of a delivery, and the one where a re-send used to happen.
 */
describe('worker killed mid-mailing (e2e)', () => {
  const mailing = useMailingTestSetup();
  const workers: WorkerChild[] = [];
  afterAll(() => {
    for (const worker of workers) if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill('SIGKILL');
  });

  it('resumes a mailing after two SIGKILLs and delivers exactly one message per recipient', async () => {
    const { sink, http, staff, task } = mailing;
    const recipients = Array.from({ length: 60 }, (_, i) => `crash${i}@example.com`);
    sink.delayMs = 150;
    const killAt = new Set([15, 35]);
    let arrived = 0;
    const kills: Promise<void>[] = [];
    sink.onMessage = () => {
      arrived++;
      if (!killAt.has(arrived)) return;
      const victim = workers[workers.length - 1];
      victim.child.kill('SIGKILL');
      // the next worker starts while the killed one's lock on the job has yet to lapse
      kills.push(victim.exited.then(async () => void workers.push(await startWorker({ SMTP_URL: sink.url }))));
    };
    workers.push(await startWorker({ SMTP_URL: sink.url }));
    const { body } = await http
      .post('/emails')
      .set('Authorization', staff.auth)
      .send({ recipients, subject: 'News', body: 'Hello' })
      .expect(202);

    const deadline = Date.now() + 150_000;
    let status = await task(body.taskId);
    while (kills.length < 2 || status.state !== 'completed') {
      if (status.state === 'failed') throw new Error(`the mailing failed: ${status.error}`);
      if (Date.now() > deadline) throw new Error(`the mailing did not finish: ${JSON.stringify(status)}, ${arrived} arrived`);
      await new Promise((resolve) => setTimeout(resolve, 200));
      status = await task(body.taskId);
    }
    await Promise.all(kills);

    expect(workers).toHaveLength(3);
    expect(workers.slice(0, 2).map((worker) => worker.child.signalCode)).toEqual(['SIGKILL', 'SIGKILL']);
    // every recipient exactly once: no re-send of the message in flight, no recipient lost
    expect(sink.received.map((mail) => mail.to).sort()).toEqual([...recipients].sort());
    // the two in flight at the kills were received, but their worker died before it heard so
    expect(status).toMatchObject({
      state: 'completed',
      progress: 100,
      attempts: 1,
      result: { sent: 58, rejected: [], unconfirmed: ['crash14@example.com', 'crash34@example.com'] },
    });
    const last = workers[2];
    last.child.kill('SIGTERM');
    await expect(last.exited).resolves.toBe(0);
  });
});
