import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import {
  buyCredits,
  caughtUp,
  createTestApp,
  FakeClock,
  migrateDatabase,
  newLesson,
  newMember,
  type PrivateMariaDb,
  replicate,
  startPrivateMariaDb,
  withEnv,
} from '@app/testing';

// 2030-01-10 10:00 in Asia/Seoul
const TODAY = '2030-01-10';
const NOW = '2030-01-10T01:00:00Z';
const DATABASE = 'gym_lag';

/**
 * A real replica that falls behind. Two private mariadbd servers (their own ports, sockets and
 * temporary data directories), the second replicating the first through its binary log; the API
 * writes to the first and reads through a SELECT-only user on the second. With the replica's SQL
 * thread stopped, the lists show the past while booking decides on the present.
 */
describe('Read replicas: a lagging replica makes lists stale, never a booking (e2e)', () => {
  const clock = new FakeClock(NOW);
  let primary: PrivateMariaDb | undefined;
  let replica: PrivateMariaDb | undefined;
  let app: INestApplication | undefined;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    const started = await Promise.allSettled([startPrivateMariaDb(1), startPrivateMariaDb(2)]);
    [primary, replica] = started.map((result) => (result.status === 'fulfilled' ? result.value : undefined));
    for (const result of started) if (result.status === 'rejected') throw result.reason;
    await setUp(primary!, replica!);
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await Promise.all([replica?.stop(), primary?.stop()]);
  });

  /** Replication, the database migrated on the primary, the reader on the replica, and the API on both. */
  const setUp = async (primary: PrivateMariaDb, replica: PrivateMariaDb): Promise<void> => {
    await replicate(primary, replica);
    await primary.query(
      `create database ${DATABASE}`,
      `create user 'gym_replica_reader'@'%' identified by 'reader'`,
      `grant select on ${DATABASE}.* to 'gym_replica_reader'@'%'`,
    );
    await migrateDatabase(`${primary.url}/${DATABASE}`);
    await caughtUp(primary, replica);
    app = await withEnv(
      {
        DATABASE_URL: `${primary.url}/${DATABASE}`,
        DATABASE_REPLICA_URLS: `mysql://gym_replica_reader:reader@127.0.0.1:${replica.port}/${DATABASE}`,
      },
      () => createTestApp({ clock }),
    );
    http = request(app.getHttpServer());
  };

  const seatsOf = async (lessonId: number): Promise<number> => {
    const listed = (await http.get('/lessons').query({ from: TODAY }).expect(200)).body.items;
    return listed.find((lesson: { id: number }) => lesson.id === lessonId).seatsLeft;
  };

  it('shows the seat a booking took only once the replica applies it; the next booking is refused on the primary meanwhile', async () => {
    const [first, second] = [await newMember(app!), await newMember(app!)];
    await buyCredits(app!, first, { creditCount: 5, startDate: TODAY });
    await buyCredits(app!, second, { creditCount: 5, startDate: TODAY });
    const lesson = await newLesson(app!, { startDate: '2030-01-15', maxCapacity: 1 });
    await caughtUp(primary!, replica!);
    await expect(seatsOf(lesson.id)).resolves.toBe(1);

    await replica!.query('stop slave sql_thread');
    try {
      await http.post(`/lessons/${lesson.id}/reservations`).set('Authorization', first.auth).expect(201);
      // the list reads the replica, which has not applied the booking: stale, as documented
      await expect(seatsOf(lesson.id)).resolves.toBe(1);
      const balance = (await http.get('/credits/balance').set('Authorization', first.auth).expect(200)).body.balance;
      expect(balance).toBe(5);
      // the booking reads the primary, inside its transaction, under the lesson's lock
      const refused = await http.post(`/lessons/${lesson.id}/reservations`).set('Authorization', second.auth).expect(409);
      expect(refused.body.code).toBe('LESSON_FULL');
    } finally {
      await replica!.query('start slave sql_thread');
    }
    await caughtUp(primary!, replica!);
    await expect(seatsOf(lesson.id)).resolves.toBe(0);
    expect((await http.get('/credits/balance').set('Authorization', first.auth).expect(200)).body.balance).toBe(3);
  });
});
