import type { INestApplication } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bull';
import { createBullBoard } from '@bull-board/api';
import { BullAdapter } from '@bull-board/api/bullAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Queue } from 'bull';
import type { RequestHandler } from 'express';
import { TASK_QUEUES } from './queues';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

/** bull-board over every queue, mounted at `/admin/queues` behind the given auth middleware. */
export function mountQueueDashboard(app: INestApplication, auth: RequestHandler): void {
  const adapter = new ExpressAdapter();
  adapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: TASK_QUEUES.map((name) => new BullAdapter(app.get<Queue>(getQueueToken(name), { strict: false }))),
    serverAdapter: adapter,
  });
  app.use(QUEUE_DASHBOARD_PATH, auth, adapter.getRouter() as RequestHandler);
}
