import type { INestApplication } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import { createConnection } from 'mysql2/promise';
import request from 'supertest';
import { executePrepared, isPlainRead, QueryScope, QueryScopes } from '@app/core';
import { Lesson } from '@app/gym';
import {
  buyCredits,
  createTestApp,
  FakeClock,
  forkEm,
  type Member,
  MysqlStatementTap,
  newLesson,
  newMember,
  newStaff,
  resetDatabase,
  testServerUrl,
  withEnv,
} from '@app/testing';

// 2030-01-10 10:00 in Asia/Seoul
const TODAY = '2030-01-10';
const NOW = '2030-01-10T01:00:00Z';

/**
 * DATABASE_REPLICA_URLS routing, seen on the wire. The primary URL and the replica URL reach the
 * same server through two statement taps; the replica URL also logs in as a user allowed only to
 * SELECT, so a write sent to it would fail. What each tap saw says which road a statement took.
 */
describe('Read replicas: plain reads on the replica, transactions and what follows a write on the primary (e2e)', () => {
  const server = new URL(testServerUrl());
  const database = new URL(process.env.DATABASE_URL!).pathname.slice(1);
  const reader = `${database}_reader`.slice(0, 80);
  const primary = new MysqlStatementTap(server.hostname, Number(server.port || 3306));
  const replica = new MysqlStatementTap(server.hostname, Number(server.port || 3306));
  const clock = new FakeClock(NOW);
  let app: INestApplication;
  let http: ReturnType<typeof request>;

  const asRoot = async <T>(fn: (sql: (statement: string, params?: unknown[]) => Promise<unknown>) => Promise<T>): Promise<T> => {
    const connection = await createConnection({ uri: testServerUrl() });
    try {
      return await fn((statement, params) => connection.query(statement, params));
    } finally {
      await connection.end();
    }
  };

  beforeAll(async () => {
    await asRoot(async (sql) => {
      await sql(`create user if not exists ?@'%' identified by 'replica-reader'`, [reader]);
      await sql(`grant select on \`${database}\`.* to ?@'%'`, [reader]);
    });
    await Promise.all([primary.start(), replica.start()]);
    const primaryUrl = new URL(testServerUrl());
    primaryUrl.port = String(primary.port);
    primaryUrl.hostname = '127.0.0.1';
    app = await withEnv(
      {
        DATABASE_URL: `${primaryUrl.href.replace(/\/$/, '')}/${database}`,
        DATABASE_REPLICA_URLS: `mysql://${reader}:replica-reader@127.0.0.1:${replica.port}/${database}`,
      },
      () => createTestApp({ clock }),
    );
    http = request(app.getHttpServer());
  });
  beforeEach(async () => {
    clock.set(NOW);
    await resetDatabase(app);
  });
  afterAll(async () => {
    await app?.close();
    await Promise.all([primary.stop(), replica.stop()]);
    await asRoot((sql) => sql(`drop user if exists ?@'%'`, [reader]));
  });

  /** Runs `fn` and returns what each road carried meanwhile; the replica never carries anything but a plain read. */
  const roads = async (fn: () => Promise<unknown>): Promise<{ onPrimary: string[]; onReplica: string[] }> => {
    primary.clear();
    replica.clear();
    await fn();
    const seen = { onPrimary: [...primary.statements], onReplica: [...replica.statements] };
    expect(seen.onReplica.filter((sql) => !isPlainRead(sql))).toEqual([]);
    return seen;
  };
  const touching = (table: string) => (statements: string[]) => statements.filter((sql) => new RegExp(`\\b${table}\\b`).test(sql));

  const memberWithCredits = async (credits: number): Promise<Member> => {
    const member = await newMember(app);
    await buyCredits(app, member, { creditCount: credits, startDate: TODAY });
    return member;
  };

  it('GET /lessons and GET /lessons/:id read through the replica; the primary sees none of it', async () => {
    const lesson = await newLesson(app, { startDate: '2030-01-15' });
    const member = await newMember(app);
    const list = await roads(() => http.get('/lessons').query({ from: TODAY }).expect(200));
    expect(touching('lesson')(list.onReplica)).not.toEqual([]);
    expect(touching('lesson')(list.onPrimary)).toEqual([]);

    const detail = await roads(() => http.get(`/lessons/${lesson.id}`).set('Authorization', member.auth).expect(200));
    expect(touching('lesson')(detail.onReplica)).not.toEqual([]);
    expect(detail.onPrimary).toEqual([]);
  });

  it("a staff GET reads the caller's staff right from the primary, its page from the replica", async () => {
    const staff = await newStaff(app);
    const audit = await roads(() => http.get('/audit').set('Authorization', staff.auth).expect(200));
    expect(audit.onPrimary.filter((sql) => /is_staff/.test(sql))).toHaveLength(1);
    expect(audit.onReplica.filter((sql) => /is_staff/.test(sql))).toEqual([]);
    expect(touching('audit_entry')(audit.onReplica)).not.toEqual([]);
  });

  it('POST /lessons/:id/reservations reads only through the primary, its locking reads included', async () => {
    const member = await memberWithCredits(5);
    const lesson = await newLesson(app, { startDate: '2030-01-15' });
    const booking = await roads(() => http.post(`/lessons/${lesson.id}/reservations`).set('Authorization', member.auth).expect(201));
    expect(booking.onReplica).toEqual([]);
    expect(booking.onPrimary.filter((sql) => /\bfor update\b/i.test(sql))).not.toEqual([]);
    expect(touching('reservation')(booking.onPrimary).some((sql) => /^insert/i.test(sql))).toBe(true);
  });

  it('cancelling with a waitlist (the promotion included) and granting credits read only through the primary', async () => {
    const holder = await memberWithCredits(5);
    const waiter = await memberWithCredits(5);
    const lesson = await newLesson(app, { startDate: '2030-01-15', maxCapacity: 1 });
    const booked = await http.post(`/lessons/${lesson.id}/reservations`).set('Authorization', holder.auth).expect(201);
    await http.post(`/lessons/${lesson.id}/waitlist`).set('Authorization', waiter.auth).expect(201);

    const cancelling = await roads(() => http.delete(`/reservations/${booked.body.id}`).set('Authorization', holder.auth).expect(200));
    expect(cancelling.onReplica).toEqual([]);
    expect(touching('waitlist_entry')(cancelling.onPrimary).some((sql) => /^update/i.test(sql))).toBe(true);
    const waiting = (await http.get('/users/me/waitlist').set('Authorization', waiter.auth).expect(200)).body;
    expect(waiting).toEqual([expect.objectContaining({ status: 'promoted' })]);

    const staff = await newStaff(app);
    const body = { userId: waiter.user.id, creditCount: 2, startDate: TODAY, endDate: '2030-02-01', reason: 'Pool closed' };
    const granting = await roads(() => http.post('/credits/grants').set('Authorization', staff.auth).send(body).expect(201));
    expect(granting.onReplica).toEqual([]);
    expect(touching('credit')(granting.onPrimary).some((sql) => /^insert/i.test(sql))).toBe(true);
  });

  it('in one unit of work, reads go to the replica until it writes, then to the primary', async () => {
    const lesson = await newLesson(app, { startDate: '2030-01-15' });
    const em = forkEm(app);
    const byId = 'select id, max_capacity from lesson where id = ?';
    const before = await roads(() =>
      QueryScopes.run(new QueryScope(), async () => {
        await em.findOneOrFail(Lesson, lesson.id);
        await executePrepared(em, byId, [lesson.id]);
        await em.execute(byId, [lesson.id]);
      }),
    );
    expect(touching('lesson')(before.onReplica)).toHaveLength(3);
    expect(before.onPrimary).toEqual([]);

    const after = await roads(() =>
      QueryScopes.run(new QueryScope(), async () => {
        await em.execute('update lesson set max_capacity = 11 where id = ?', [lesson.id]);
        em.clear();
        const reread = await em.findOneOrFail(Lesson, lesson.id);
        const [prepared] = await executePrepared<{ max_capacity: number }>(em, byId, [lesson.id]);
        const [raw] = await em.execute<{ max_capacity: number }[]>(byId, [lesson.id]);
        expect([reread.maxCapacity, prepared.max_capacity, raw.max_capacity]).toEqual([11, 11, 11]);
      }),
    );
    expect(after.onReplica).toEqual([]);
    expect(touching('lesson')(after.onPrimary)).toHaveLength(4);

    // outside any request's scope (start-up work, a test's factory) nothing says whether it wrote
    const unscoped = await roads(() => executePrepared(forkEm(app), byId, [lesson.id]));
    expect(unscoped.onReplica).toEqual([]);
    expect(touching('lesson')(unscoped.onPrimary)).toHaveLength(1);
  });

  it('inside a transaction every statement, plain reads included, runs on the primary; so does a locking read outside one', async () => {
    const lesson = await newLesson(app, { startDate: '2030-01-15' });
    const inTransaction = await roads(() =>
      forkEm(app).transactional(async (em) => {
        await em.findOneOrFail(Lesson, lesson.id);
        await executePrepared(em, 'select id from lesson where id = ?', [lesson.id]);
        await em.execute('select id from lesson where id = ?', [lesson.id]);
        await em.findOneOrFail(Lesson, lesson.id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      }),
    );
    expect(inTransaction.onReplica).toEqual([]);
    expect(touching('lesson')(inTransaction.onPrimary)).toHaveLength(4);

    const locking = await roads(async () => {
      await forkEm(app).execute('select id from lesson where id = ? for update', [lesson.id]);
      await executePrepared(forkEm(app), 'select id from lesson where id = ? lock in share mode', [lesson.id]);
    });
    expect(locking.onReplica).toEqual([]);
    expect(touching('lesson')(locking.onPrimary)).toHaveLength(2);
  });

  it('a replica down fails the plain reads (503) but never a booking, which needs only the primary', async () => {
    const member = await memberWithCredits(5);
    const lesson = await newLesson(app, { startDate: '2030-01-15' });
    await replica.stop();
    try {
      const refused = await http.get('/lessons').query({ from: TODAY }).expect(503);
      expect(refused.body.code).toBe('DATABASE_UNAVAILABLE');
      await http.post(`/lessons/${lesson.id}/reservations`).set('Authorization', member.auth).expect(201);
    } finally {
      await replica.start();
    }
    const listed = await http.get('/lessons').query({ from: TODAY }).expect(200);
    expect(listed.body.items).toEqual([expect.objectContaining({ id: lesson.id, reservedCount: 1 })]);
  });
});
