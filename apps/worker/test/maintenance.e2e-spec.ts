import { getQueueToken } from '@nestjs/bull';
import { Test, type TestingModule } from '@nestjs/testing';
import { RequestContext } from '@mikro-orm/core';
import { MikroORM } from '@mikro-orm/mysql';
import type { Queue } from 'bull';
import { Clock } from '@app/core';
import { CreditLedgerService, PricePolicyService } from '@app/gym';
import { UserService } from '@app/identity';
import { EXPIRE_CREDITS_JOB, MAINTENANCE_QUEUE } from '@app/jobs';
import { FakeClock } from '@app/testing';
import { MaintenanceSchedule } from '../src/maintenance-schedule';
import { QueueConsumers } from '../src/queue-consumers';
import { WorkerModule } from '../src/worker.module';

describe('worker: scheduled credit expiry (e2e)', () => {
  const clock = new FakeClock('2030-01-10T01:00:00Z');
  let worker: TestingModule;
  let queue: Queue;

  beforeAll(async () => {
    worker = await Test.createTestingModule({ imports: [WorkerModule] }).overrideProvider(Clock).useValue(clock).compile();
    worker.useLogger(['error']);
    await worker.init();
    queue = worker.get<Queue>(getQueueToken(MAINTENANCE_QUEUE));
    await queue.obliterate({ force: true });
  });
  afterAll(async () => {
    await queue.obliterate({ force: true });
    await worker.close();
  });

  it('schedules one daily run in the gym time zone, however many workers register it', async () => {
    await worker.get(MaintenanceSchedule).register();
    await worker.get(MaintenanceSchedule).register();
    const repeatable = await queue.getRepeatableJobs();
    expect(repeatable).toEqual([expect.objectContaining({ name: EXPIRE_CREDITS_JOB, cron: '5 0 * * *', tz: 'Asia/Seoul' })]);
  });

  it('runs the same expiry service as the CLI', async () => {
    const orm = worker.get(MikroORM);
    const inContext = <T>(fn: () => Promise<T>) => RequestContext.create(orm.em.fork(), fn);
    const user = await inContext(() => worker.get(UserService).register({ username: `expiring_${Date.now()}`, password: 'password-123', phoneNumber: '010-1111-2222' }));
    const policy = await inContext(() => worker.get(PricePolicyService).create({ name: 'Week', price: 1, creditCount: 3, periodDays: 7 }));
    await inContext(() => worker.get(CreditLedgerService).purchase(user.id, policy.id, '2030-01-10'));
    clock.set('2030-01-20T01:00:00Z');

    worker.get(QueueConsumers).start();
    const job = await queue.add(EXPIRE_CREDITS_JOB, {});
    await expect(job.finished()).resolves.toEqual({ expired: 1 });
    const again = await queue.add(EXPIRE_CREDITS_JOB, {});
    await expect(again.finished()).resolves.toEqual({ expired: 0 });
  });
});
