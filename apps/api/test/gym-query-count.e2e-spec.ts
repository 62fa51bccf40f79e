import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { buyCredits, createTestApp, FakeClock, type Member, newLesson, newMember, newStaff, resetDatabase } from '@app/testing';

const TODAY = '2030-01-10';

/** Every read endpoint runs the same number of statements for one row as for many. */
describe('Gym: statements per request (e2e)', () => {
  let app: INestApplication;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    app = await createTestApp({ clock: new FakeClock('2030-01-10T01:00:00Z') });
    http = request(app.getHttpServer());
  });
  afterAll(() => app.close());

  interface DataSet {
    member: Member;
    staff: Member;
    lessonId: number;
    /** A full lesson with `size` members waiting, the member among them. */
    fullLessonId: number;
  }

  /**
   * One member with `size` purchases and `size` bookings (a few cancelled), on a lesson `size` others
   * booked too, and `size` members (the member last) waiting for a full lesson.
   */
  async function seed(size: number): Promise<DataSet> {
    await resetDatabase(app);
    const [member, staff] = [await newMember(app), await newStaff(app)];
    for (let i = 0; i < size; i++) await buyCredits(app, member, { creditCount: 3, startDate: TODAY, periodDays: 20 + i });
    const lessons = [];
    for (let i = 0; i < size; i++)
      lessons.push(
        await newLesson(app, {
          startDate: `2030-01-${String(15 + (i % 10)).padStart(2, '0')}`,
          startTime: `${String(6 + Math.floor(i / 10)).padStart(2, '0')}:00`,
          endTime: '23:00',
          maxCapacity: size + 1,
          creditCount: 2,
        }),
      );
    const bookings = [];
    for (const lesson of lessons)
      bookings.push((await http.post(`/lessons/${lesson.id}/reservations`).set('Authorization', member.auth).expect(201)).body);
    for (const booking of bookings.slice(0, Math.ceil(size / 5)))
      await http.delete(`/reservations/${booking.id}`).set('Authorization', member.auth).expect(200);
    const others = await Promise.all(Array.from({ length: size - 1 }, () => newMember(app)));
    for (const other of others) {
      await buyCredits(app, other, { creditCount: 2, startDate: TODAY });
      await http
        .post(`/lessons/${lessons[size - 1].id}/reservations`)
        .set('Authorization', other.auth)
        .expect(201);
    }
    const full = await newLesson(app, { startDate: '2030-01-16', maxCapacity: 1 });
    const holder = await newMember(app);
    await buyCredits(app, holder, { creditCount: 2, startDate: TODAY });
    await http.post(`/lessons/${full.id}/reservations`).set('Authorization', holder.auth).expect(201);
    for (const waiter of [...others, member]) await http.post(`/lessons/${full.id}/waitlist`).set('Authorization', waiter.auth).expect(201);
    return { member, staff, lessonId: lessons[size - 1].id, fullLessonId: full.id };
  }

  async function statementsPerRoute({ member, staff, lessonId, fullLessonId }: DataSet): Promise<Record<string, number>> {
    const routes: [string, string, Member | null][] = [
      ['GET /users/me', '/users/me', member],
      ['GET /users/:id', `/users/${member.user.id}`, staff],
      ['GET /lessons/:id', `/lessons/${lessonId}`, staff],
      ['GET /lessons/:id (staff, with a waitlist)', `/lessons/${fullLessonId}`, staff],
      ['GET /lessons/:id (member)', `/lessons/${lessonId}`, member],
      ['GET /lessons', '/lessons?limit=100', member],
      ['GET /lessons (no token)', '/lessons?limit=100', null],
      ['GET /users/me/waitlist', '/users/me/waitlist', member],
      ['GET /credits', '/credits', member],
      ['GET /credits/balance', '/credits/balance', member],
      ['GET /price-policies', '/price-policies', member],
      ['GET /users/me/bookings (upcoming)', '/users/me/bookings?limit=100', member],
      ['GET /users/me/bookings (cancelled)', '/users/me/bookings?status=cancelled&limit=100', member],
      ['GET /users/me/bookings (past)', '/users/me/bookings?status=past&limit=100', member],
    ];
    const counts: Record<string, number> = {};
    for (const [name, path, who] of routes) {
      const res = await (who ? http.get(path).set('Authorization', who.auth) : http.get(path)).expect(200);
      counts[name] = Number(res.headers['x-query-count']);
    }
    return counts;
  }

  it('runs a fixed number of statements for 1 row and for 25', async () => {
    const small = await statementsPerRoute(await seed(1));
    const large = await statementsPerRoute(await seed(25));
    const expected = {
      'GET /users/me': 3,
      'GET /users/:id': 3,
      'GET /lessons/:id': 1,
      'GET /lessons/:id (staff, with a waitlist)': 2,
      'GET /lessons/:id (member)': 1,
      'GET /lessons': 1,
      'GET /lessons (no token)': 1,
      'GET /users/me/waitlist': 1,
      'GET /credits': 1,
      'GET /credits/balance': 1,
      'GET /price-policies': 1,
      'GET /users/me/bookings (upcoming)': 1,
      'GET /users/me/bookings (cancelled)': 1,
      'GET /users/me/bookings (past)': 1,
    };
    expect(small).toEqual(expected);
    expect(large).toEqual(expected);
  });

  it('books with the same statements whether the cost comes from one purchase or from five', async () => {
    await resetDatabase(app);
    const [one, five] = [await newMember(app), await newMember(app)];
    await buyCredits(app, one, { creditCount: 10, startDate: TODAY });
    for (let i = 0; i < 5; i++) await buyCredits(app, five, { creditCount: 1, startDate: TODAY, periodDays: 20 + i });
    const lesson = await newLesson(app, { startDate: '2030-01-15', creditCount: 5 });
    const fromOne = await http.post(`/lessons/${lesson.id}/reservations`).set('Authorization', one.auth).expect(201);
    const fromFive = await http.post(`/lessons/${lesson.id}/reservations`).set('Authorization', five.auth).expect(201);
    expect(fromFive.body.credits).toHaveLength(5);
    expect([fromOne.headers['x-query-count'], fromFive.headers['x-query-count']]).toEqual(['7', '7']);
  });

  it('returns the large data set complete (the fixed count is not a truncated answer)', async () => {
    const { member, staff, lessonId, fullLessonId } = await seed(25);
    const me = (await http.get('/users/me').set('Authorization', member.auth)).body;
    expect(me.reservations).toHaveLength(25 + 5);
    expect(me.reservations.every((r: { credits: unknown[] }) => r.credits.length >= 1)).toBe(true);
    expect((await http.get(`/lessons/${lessonId}`).set('Authorization', staff.auth)).body.reservations).toHaveLength(25);
    expect((await http.get('/credits').set('Authorization', member.auth)).body.length).toBeGreaterThanOrEqual(25 + 25 + 5);
    const full = (await http.get(`/lessons/${fullLessonId}`).set('Authorization', staff.auth)).body;
    expect(full.waitlist.map((waiting: { position: number }) => waiting.position)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(full.waitlist[24].user.id).toBe(member.user.id);
    expect((await http.get('/users/me/waitlist').set('Authorization', member.auth)).body).toEqual([
      expect.objectContaining({ position: 25, status: 'waiting' }),
    ]);
  });
});
