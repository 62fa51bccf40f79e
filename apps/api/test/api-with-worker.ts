import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import request from 'supertest';
import type { Clock } from '@app/core';
import { EMAIL_QUEUE } from '@app/jobs';
import { createTestApp, type SmtpSink, startSmtpSink } from '@app/testing';
import { QueueConsumers } from '../../worker/src/queue-consumers';
import { WorkerModule } from '../../worker/src/worker.module';

/** The API and a worker consuming its queues, both in this process, mailing to an SMTP sink. */
export interface ApiWithWorker {
  sink: SmtpSink;
  app: INestApplication;
  http: ReturnType<typeof request>;
  /** The email queue, as the API sees it. */
  queue: Queue;
  /** Waits until the email queue has nothing left to do. */
  drained(): Promise<void>;
}

/**
 * The real WorkerModule beside the API, sending to a real SMTP sink: for tests of what the API
 * enqueues and the worker delivers. Set up before the file's first test and torn down after it;
 * each test empties what it needs (tables, `sink.received`).
 */
export function useApiWithWorker(options: { clock?: Clock } = {}): ApiWithWorker {
  const setup = {} as ApiWithWorker;
  let worker: INestApplicationContext;
  beforeAll(async () => {
    setup.sink = await startSmtpSink();
    process.env.SMTP_URL = setup.sink.url;
    setup.app = await createTestApp(options.clock ? { clock: options.clock } : {});
    setup.http = request(setup.app.getHttpServer());
    setup.queue = setup.app.get<Queue>(getQueueToken(EMAIL_QUEUE));
    // mailings another file of this Jest worker queued and never sent are not this file's to deliver
    await setup.queue.obliterate({ force: true });
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
    worker.get(QueueConsumers).start();
  });
  afterAll(async () => {
    await worker.close();
    await setup.queue.obliterate({ force: true });
    await setup.app.close();
    await setup.sink.close();
  });
  setup.drained = async () => {
    for (let i = 0; i < 200; i++) {
      const counts = await setup.queue.getJobCounts();
      if (counts.waiting + counts.active + counts.delayed === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the email queue did not drain');
  };
  return setup;
}
