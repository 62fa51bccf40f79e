import { getQueueToken } from '@nestjs/bull';
import { Test, type TestingModule } from '@nestjs/testing';
import { RequestContext } from '@mikro-orm/core';
import { EntityManager, MikroORM } from '@mikro-orm/mysql';
import type { Queue } from 'bull';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Clock, IdempotencyKey, IdempotencyStore } from '@app/core';
import { FeedService, FeedType } from '@app/feed';
import { CreditLedgerService, PricePolicyService } from '@app/gym';
import { RefreshToken, RefreshTokenService, UserService } from '@app/identity';
import {
  EXPIRE_CREDITS_JOB,
  FORGET_IDEMPOTENCY_KEYS_JOB,
  FORGET_REFRESH_TOKENS_JOB,
  MAINTENANCE_QUEUE,
  REBUILD_INDEX_JOB,
  SEND_REMINDERS_JOB,
} from '@app/jobs';
import { indexViews, readIndexFile } from '@app/recommend';
import { FakeClock, resetDatabase } from '@app/testing';
import { MaintenanceSchedule } from '../src/maintenance-schedule';
import { QueueConsumers } from '../src/queue-consumers';
import { WorkerModule } from '../src/worker.module';

describe('worker: scheduled maintenance (e2e)', () => {
  const clock = new FakeClock('2030-01-10T01:00:00Z');
  const savedIndexPath = process.env.RECOMMEND_INDEX_PATH;
  let worker: TestingModule;
  let queue: Queue;
  let indexDirectory: string;
  let consuming = false;
  const startConsumers = () => {
    if (!consuming) worker.get(QueueConsumers).start();
    consuming = true;
  };

  beforeAll(async () => {
    indexDirectory = await mkdtemp(join(tmpdir(), 'gym-worker-index-'));
    process.env.RECOMMEND_INDEX_PATH = join(indexDirectory, 'index', 'feed-index.bin');
    worker = await Test.createTestingModule({ imports: [WorkerModule] })
      .overrideProvider(Clock)
      .useValue(clock)
      .compile();
    worker.useLogger(['error']);
    await worker.init();
    queue = worker.get<Queue>(getQueueToken(MAINTENANCE_QUEUE));
    await queue.obliterate({ force: true });
  });
  afterAll(async () => {
    await queue.obliterate({ force: true });
    await worker.close();
    process.env.RECOMMEND_INDEX_PATH = savedIndexPath;
    await rm(indexDirectory, { recursive: true, force: true });
  });

  it('schedules one credit expiry, one index rebuild, the two purges and one reminder run in the gym time zone, however many workers register them', async () => {
    await worker.get(MaintenanceSchedule).register();
    await worker.get(MaintenanceSchedule).register();
    const repeatable = await queue.getRepeatableJobs();
    expect(repeatable.map(({ name, cron, tz }) => ({ name, cron, tz })).sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: EXPIRE_CREDITS_JOB, cron: '5 0 * * *', tz: 'Asia/Seoul' },
      { name: FORGET_IDEMPOTENCY_KEYS_JOB, cron: '17 * * * *', tz: 'Asia/Seoul' },
      { name: FORGET_REFRESH_TOKENS_JOB, cron: '47 * * * *', tz: 'Asia/Seoul' },
      { name: REBUILD_INDEX_JOB, cron: '*/30 * * * *', tz: 'Asia/Seoul' },
      { name: SEND_REMINDERS_JOB, cron: '0 18 * * *', tz: 'Asia/Seoul' },
    ]);
    // no index file yet: each registration also queued an immediate rebuild (running two is harmless)
    const waiting = await queue.getWaiting();
    expect(waiting.map((job) => job.name)).toEqual([REBUILD_INDEX_JOB, REBUILD_INDEX_JOB]);
    await Promise.all(waiting.map((job) => job.remove()));
  });

  it('runs the same expiry service as the CLI', async () => {
    // other files of this Jest worker leave purchases behind that would be due too
    await resetDatabase(worker);
    const orm = worker.get(MikroORM);
    const inContext = <T>(fn: () => Promise<T>) => RequestContext.create(orm.em.fork(), fn);
    const user = await inContext(() =>
      worker.get(UserService).register({ username: `expiring_${Date.now()}`, password: 'password-123', phoneNumber: '010-1111-2222' }),
    );
    const policy = await inContext(() =>
      worker.get(PricePolicyService).create({ name: 'Week', price: 1, creditCount: 3, periodDays: 7 }, null),
    );
    await inContext(() => worker.get(CreditLedgerService).purchase(user.id, policy.id, '2030-01-10'));
    clock.set('2030-01-20T01:00:00Z');

    startConsumers();
    const job = await queue.add(EXPIRE_CREDITS_JOB, {});
    await expect(job.finished()).resolves.toEqual({ expired: 1 });
    const again = await queue.add(EXPIRE_CREDITS_JOB, {});
    await expect(again.finished()).resolves.toEqual({ expired: 0 });
  });

  it('rebuilds the recommendation index with the same builder as the CLI', async () => {
    const orm = worker.get(MikroORM);
    const inContext = <T>(fn: () => Promise<T>) => RequestContext.create(orm.em.fork(), fn);
    const user = await inContext(() =>
      worker.get(UserService).register({ username: `indexer_${Date.now()}`, password: 'password-123', phoneNumber: '010-3333-4444' }),
    );
    const feeds = worker.get(FeedService);
    const ids = [
      (await inContext(() => feeds.create(user.id, { type: FeedType.Post, title: 'Morning run', body: 'by the river' }))).feed.id,
      (await inContext(() => feeds.create(user.id, { type: FeedType.Team, roomName: '새벽 수영반' }))).feed.id,
    ];

    startConsumers();
    const job = await queue.add(REBUILD_INDEX_JOB, {});
    const summary = await job.finished();
    expect(summary).toMatchObject({ path: process.env.RECOMMEND_INDEX_PATH, dimension: 256, items: expect.any(Number) });
    const index = await readIndexFile(join(indexDirectory, 'index', 'feed-index.bin'));
    expect(index.layout.count).toBe(summary.items);
    expect(Array.from(indexViews(index).ids)).toEqual(expect.arrayContaining(ids));
    expect(new Date(index.layout.builtAt).toISOString()).toBe(summary.builtAt);
    expect(await readdir(join(indexDirectory, 'index'))).toEqual(['feed-index.bin']);

    // with the file there, registering the schedule queues no extra rebuild
    const rebuildJobs = async () =>
      (await queue.getJobs(['waiting', 'active', 'completed', 'failed'])).filter((one) => one.name === REBUILD_INDEX_JOB).length;
    const before = await rebuildJobs();
    await worker.get(MaintenanceSchedule).register();
    expect(await rebuildJobs()).toBe(before);
  });

  it('forgets expired idempotency keys, and only those, off the request path', async () => {
    const orm = worker.get(MikroORM);
    const store = worker.get(IdempotencyStore);
    const userId = 990_000 + (Date.now() % 10_000);
    await orm.em.fork().nativeDelete(IdempotencyKey, {}); // keys other test files left in this worker's database
    clock.set('2030-02-01T00:00:00Z');
    await store.claim(worker.get(EntityManager).fork(), userId, 'old-key', 'hash');
    clock.set('2030-02-01T23:00:00Z');
    await store.claim(worker.get(EntityManager).fork(), userId, 'new-key', 'hash');
    clock.set('2030-02-02T00:00:01Z'); // the first key is past its 24 hours, the second is not

    startConsumers();
    const job = await queue.add(FORGET_IDEMPOTENCY_KEYS_JOB, {});
    await expect(job.finished()).resolves.toEqual({ forgotten: 1 });
    const left = await orm.em.fork().find(IdempotencyKey, { userId });
    expect(left.map((row) => row.key)).toEqual(['new-key']);
  });

  it('forgets refresh tokens past their expiry, and only those', async () => {
    const orm = worker.get(MikroORM);
    const inContext = <T>(fn: () => Promise<T>) => RequestContext.create(orm.em.fork(), fn);
    const user = await inContext(() =>
      worker.get(UserService).register({ username: `refreshing_${Date.now()}`, password: 'password-123', phoneNumber: '010-5555-6666' }),
    );
    await orm.em.fork().nativeDelete(RefreshToken, {}); // tokens other test files left in this worker's database
    const tokens = worker.get(RefreshTokenService);
    clock.set('2030-03-01T00:00:00Z');
    await inContext(() => tokens.issue(user));
    clock.set('2030-03-20T00:00:00Z');
    const kept = await inContext(() => tokens.issue(user));
    clock.set('2030-03-31T00:00:00Z'); // 30 days after the first, 11 after the second

    startConsumers();
    const job = await queue.add(FORGET_REFRESH_TOKENS_JOB, {});
    await expect(job.finished()).resolves.toEqual({ forgotten: 1 });
    const left = await orm.em.fork().find(RefreshToken, { user: user.id });
    expect(left.map((row) => row.tokenHash)).toEqual([createHash('sha256').update(kept).digest('hex')]);
  });
});
