import type { INestApplication } from '@nestjs/common';
import { createConnection } from 'mysql2/promise';
import { addDays, IdempotencyKey } from '@app/core';
import { GymCalendar, Reservation } from '@app/gym';
import { buyCredits, createTestApp, forkEm, newLesson, newMember, resetDatabase } from '@app/testing';
import { startApiProcess } from './api-child';

const port = 30_000 + ((process.pid + 7_919) % 20_000);
const base = `http://127.0.0.1:${port}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Idempotency keys through an API crash (e2e)', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it('books exactly once when the API dies mid-request, and the retry with the key gets its answer', async () => {
    await resetDatabase(app);
    const member = await newMember(app);
    const today = app.get(GymCalendar).today();
    await buyCredits(app, member, { creditCount: 10, startDate: today });
    const lesson = await newLesson(app, { startDate: addDays(today, 2) });
    const book = () =>
      fetch(`${base}/lessons/${lesson.id}/reservations`, {
        method: 'POST',
        headers: { authorization: member.auth, 'idempotency-key': 'crash-1' },
      });

    // a second connection holds the lesson row, so the booking stops mid-transaction
    const first = await startApiProcess(port);
    const holder = await createConnection(process.env.DATABASE_URL!);
    try {
      await holder.beginTransaction();
      await holder.query('select id from lesson where id = ? for update', [lesson.id]);
      const lost = book().then(
        (res) => `answered ${res.status}`,
        () => 'connection lost',
      );
      await sleep(1_500);
      first.child.kill('SIGKILL');
      await first.exited;
      expect(await lost).toBe('connection lost');
      await holder.rollback();
    } finally {
      first.child.kill('SIGKILL');
      await holder.end();
    }

    const second = await startApiProcess(port);
    try {
      const retry = await book();
      expect(retry.status).toBe(201);
      const answer = await retry.json();
      const again = await book();
      expect(again.status).toBe(201);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(await again.json()).toEqual(answer);
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
    const em = forkEm(app);
    expect(await em.count(Reservation, { user: member.user.id, lesson: lesson.id })).toBe(1);
    expect(await em.count(IdempotencyKey, { userId: member.user.id, statusCode: null })).toBe(0);
  }, 300_000);
});
