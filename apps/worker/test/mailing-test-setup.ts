import type { INestApplication } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import request from 'supertest';
import { EMAIL_QUEUE } from '@app/jobs';
import { createTestApp, type Member, newStaff, resetDatabase, type SmtpSink, startSmtpSink } from '@app/testing';

/** What a test of a worker process's mailings works with; filled in before the first test. */
export interface MailingTestSetup {
  sink: SmtpSink;
  http: ReturnType<typeof request>;
  staff: Member;
  /** `GET /tasks/{id}` as staff. */
  task(taskId: string): Promise<{ state: string; progress: number; [field: string]: unknown }>;
}

/**
 * The API in this Jest worker, an SMTP sink, an empty email queue, an empty database and a staff
 * member, for tests that start the worker as a process of its own; torn down after the file.
 */
export function useMailingTestSetup(): MailingTestSetup {
  let app: INestApplication;
  let queue: Queue;
  const setup = {} as MailingTestSetup;
  beforeAll(async () => {
    setup.sink = await startSmtpSink();
    app = await createTestApp();
    setup.http = request(app.getHttpServer());
    queue = app.get<Queue>(getQueueToken(EMAIL_QUEUE));
    await queue.obliterate({ force: true });
    await resetDatabase(app);
    setup.staff = await newStaff(app);
    setup.task = async (taskId) => (await setup.http.get(`/tasks/${taskId}`).set('Authorization', setup.staff.auth).expect(200)).body;
  });
  afterAll(async () => {
    await queue.obliterate({ force: true });
    await app.close();
    await setup.sink.close();
  });
  return setup;
}
