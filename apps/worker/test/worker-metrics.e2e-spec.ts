import Queue from 'bull';
import { createServer } from 'node:net';
import { EMAIL_QUEUE, FORGET_IDEMPOTENCY_KEYS_JOB, MAINTENANCE_QUEUE } from '@app/jobs';
import { sampleValue } from '@app/testing';
import { startWorker, type WorkerChild } from './worker-child';

const TOKEN = 'worker-metrics-token-0123456789';

/** A port nothing listens on now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The worker as a real process with its metrics listener on a port of its own. */
describe('worker metrics (e2e)', () => {
  let worker: WorkerChild;
  let base: string;
  const queues: Queue.Queue[] = [];

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    worker = await startWorker({ WORKER_METRICS_PORT: String(port), METRICS_TOKEN: TOKEN });
    await worker.waitFor(`Metrics at http://localhost:${port}/metrics`);
    for (const name of [EMAIL_QUEUE, MAINTENANCE_QUEUE]) queues.push(new Queue(name, process.env.REDIS_URL!, { prefix: 'gym' }));
  });
  afterAll(async () => {
    worker.child.kill('SIGTERM');
    await worker.exited;
    for (const queue of queues) {
      await queue.clean(0, 'completed');
      await queue.clean(0, 'failed');
      await queue.close();
    }
  });

  const scrape = async (): Promise<string> => {
    const res = await fetch(`${base}/metrics`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return res.text();
  };

  it('refuses a missing or wrong token with 401 and anything but GET /metrics with 404, in the error shape', async () => {
    for (const headers of [{} as Record<string, string>, { Authorization: `Bearer ${TOKEN}-nope` }, { Authorization: `Basic ${TOKEN}` }]) {
      const res = await fetch(`${base}/metrics`, { headers });
      expect(res.status).toBe(401);
      await expect(res.json()).resolves.toEqual({
        statusCode: 401,
        code: 'UNAUTHENTICATED',
        message: 'The metrics token is missing or wrong: send Authorization: Bearer <METRICS_TOKEN>',
      });
    }
    const other = await fetch(`${base}/health`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(other.status).toBe(404);
    await expect(other.json()).resolves.toEqual({ statusCode: 404, code: 'NOT_FOUND', message: 'Cannot GET /health' });
  });

  it('counts the jobs it completed and failed, with their durations, and serves the pool and process metrics', async () => {
    const [email, maintenance] = queues;
    const done = await maintenance.add(FORGET_IDEMPOTENCY_KEYS_JOB, {});
    // a job name no processor of the queue handles: Bull fails it ("Missing process handler")
    const broken = await email.add('no-such-job', {}, { attempts: 1 });
    const deadline = Date.now() + 30_000;
    while (!((await done.getState()) === 'completed' && (await broken.getState()) === 'failed')) {
      if (Date.now() > deadline) throw new Error(`jobs did not settle:\n${worker.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // the events reach the counters right after the state changes in Redis
    let text = await scrape();
    for (
      let i = 0;
      i < 50 && sampleValue(text, 'gym_worker_jobs_failed_total', { queue: 'email', name: 'no-such-job' }) === undefined;
      i++
    ) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      text = await scrape();
    }
    const completed = { queue: 'maintenance', name: FORGET_IDEMPOTENCY_KEYS_JOB };
    expect(sampleValue(text, 'gym_worker_jobs_completed_total', completed)).toBeGreaterThanOrEqual(1);
    expect(sampleValue(text, 'gym_worker_job_duration_seconds_count', { ...completed, outcome: 'completed' })).toBeGreaterThanOrEqual(1);
    expect(sampleValue(text, 'gym_worker_jobs_failed_total', { queue: 'email', name: 'no-such-job' })).toBe(1);
    expect(sampleValue(text, 'gym_worker_job_duration_seconds_count', { queue: 'email', name: 'no-such-job', outcome: 'failed' })).toBe(1);
    expect(sampleValue(text, 'gym_db_pool_connections', { state: 'free' })).toBeGreaterThanOrEqual(0);
    expect(sampleValue(text, 'process_cpu_user_seconds_total', {})).toBeGreaterThan(0);
    // the API's metrics are the API's: no request metrics here
    expect(text).not.toContain('gym_http_requests_total');
  });
});
