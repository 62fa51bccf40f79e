import type { INestApplication } from '@nestjs/common';
import Queue from 'bull';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { EMAIL_QUEUE, MAINTENANCE_QUEUE, SEND_EMAIL_JOB } from '@app/jobs';
import { createTestApp, type PrivateRedis, type SmtpSink, startRedisServer, startSmtpSink } from '@app/testing';
import { startWorker, type WorkerChild } from './worker-child';

const until = async (check: () => Promise<boolean>, what: string, timeoutMs = 30_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

/** A Redis without persistence, of this test's own, restarted under a running worker. */
describe('worker on a Redis that restarts without persistence (e2e)', () => {
  let redis: PrivateRedis;
  let sink: SmtpSink;
  let worker: WorkerChild;
  let maintenance: Queue.Queue;
  let email: Queue.Queue;

  beforeAll(async () => {
    redis = await startRedisServer(['--save', '', '--appendonly', 'no']);
    sink = await startSmtpSink();
    maintenance = new Queue(MAINTENANCE_QUEUE, redis.url, { prefix: 'gym' });
    email = new Queue(EMAIL_QUEUE, redis.url, { prefix: 'gym' });
    for (const queue of [maintenance, email]) queue.on('error', () => undefined); // while Redis restarts
  });
  afterAll(async () => {
    if (worker && worker.child.exitCode === null) {
      worker.child.kill('SIGTERM');
      await worker.exited;
    }
    await Promise.all([maintenance.close(), email.close()]);
    await redis.stop();
    await sink.close();
  });

  const scheduled = async () => (await maintenance.getRepeatableJobs()).map((job) => job.name).sort();

  it('warns at start, and registers its schedules again after Redis restarts, without restarting', async () => {
    worker = await startWorker({ REDIS_URL: redis.url, SMTP_URL: sink.url });
    expect(worker.output()).toContain('Redis reports persistence off');
    const schedules = ['expire-credits', 'forget-idempotency-keys', 'forget-refresh-tokens', 'rebuild-index', 'send-reminders'];
    await until(async () => (await scheduled()).length === schedules.length, 'the schedules');
    expect(await scheduled()).toEqual(schedules);

    const before = worker.output().length;
    await redis.restart();
    await until(async () => (await scheduled().catch(() => [])).length === schedules.length, 'the schedules after the restart');
    expect(await scheduled()).toEqual(schedules);
    await worker.waitFor('maintenance schedules registered again', 10_000, before);
    expect(worker.child.exitCode).toBeNull();

    // and the same worker still consumes from the restarted Redis
    const taskId = `${EMAIL_QUEUE}-${randomUUID()}`;
    await email.add(SEND_EMAIL_JOB, { recipients: ['after@example.com'], subject: 'After', body: 'Hi' }, { jobId: taskId });
    await until(async () => (await (await email.getJob(taskId))?.isCompleted()) ?? false, 'the mailing after the restart');
    expect(sink.received.map((mail) => mail.to)).toEqual(['after@example.com']);
  });
});

describe('GET /health on a private Redis (e2e)', () => {
  let redis: PrivateRedis;
  let app: INestApplication;
  const realRedisUrl = process.env.REDIS_URL;

  beforeAll(async () => {
    redis = await startRedisServer(['--save', '', '--appendonly', 'no']);
    process.env.REDIS_URL = redis.url;
    app = await createTestApp();
  });
  afterAll(async () => {
    process.env.REDIS_URL = realRedisUrl;
    await app.close();
    await redis.stop();
  });

  it('reports how Redis persists the queues: none, aof or rdb', async () => {
    const health = async () => (await request(app.getHttpServer()).get('/health').expect(200)).body;
    expect(await health()).toEqual({ status: 'ok', db: 'up', redis: 'up', redisPersistence: 'none' });
    const admin = new Redis(redis.url);
    try {
      await admin.config('SET', 'appendonly', 'yes');
      expect((await health()).redisPersistence).toBe('aof');
      await admin.config('SET', 'appendonly', 'no');
      await admin.config('SET', 'save', '3600 1');
      expect((await health()).redisPersistence).toBe('rdb');
    } finally {
      admin.disconnect();
    }
  });
});
