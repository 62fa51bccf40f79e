import request from 'supertest';
import { buyCredits, FakeClock, forkEm, type Member, newLesson, newMember, useTestApp } from '@app/testing';

const TODAY = '2030-01-10';

/** Real concurrent HTTP requests against MySQL: the races the Django original lost. */
describe('Gym: bookings under concurrency (e2e)', () => {
  const { app, http } = useTestApp({ clock: new FakeClock('2030-01-10T01:00:00Z') });

  const book = (member: Member, lessonId: number) => http.post(`/lessons/${lessonId}/reservations`).set('Authorization', member.auth);
  const codes = (responses: request.Response[]) =>
    responses.reduce<Record<string, number>>((tally, res) => {
      const key = res.status === 201 ? '201' : res.body.code;
      tally[key] = (tally[key] ?? 0) + 1;
      return tally;
    }, {});

  async function ledgerOf(userId: number) {
    return forkEm(app).execute<{ type: string; count: number }[]>('select type, count from credit where user_id = ? order by id', [userId]);
  }

  it('30 members racing for 10 seats: exactly 10 bookings and 20 LESSON_FULL', async () => {
    const members = await Promise.all(Array.from({ length: 30 }, () => newMember(app)));
    for (const member of members) await buyCredits(app, member, { creditCount: 2, startDate: TODAY });
    const lesson = await newLesson(app, { startDate: '2030-01-15', maxCapacity: 10, creditCount: 2 });

    const responses = await Promise.all(members.map((member) => book(member, lesson.id)));

    expect(codes(responses)).toEqual({ '201': 10, LESSON_FULL: 20 });
    const [counts] = await forkEm(app).execute<{ reserved: number; active: number; uses: number }[]>(
      `select l.reserved_count as reserved,
              (select count(*) from reservation r where r.lesson_id = l.id and r.active_flag = 1) as active,
              (select count(*) from credit c join reservation r on r.id = c.reservation_id where r.lesson_id = l.id) as uses
         from lesson l where l.id = ?`,
      [lesson.id],
    );
    expect(counts).toEqual({ reserved: 10, active: 10, uses: 10 });
    // every winner paid, every loser kept their credit
    const winners = new Set(responses.filter((res) => res.status === 201).map((res) => res.body.user.id));
    for (const member of members) {
      const ledger = await ledgerOf(member.user.id);
      expect(ledger.reduce((sum, entry) => sum + entry.count, 0)).toBe(winners.has(member.user.id) ? 0 : 2);
    }
  });

  it('one member firing 10 parallel bookings of one lesson is booked and charged once', async () => {
    const member = await newMember(app);
    await buyCredits(app, member, { creditCount: 20, startDate: TODAY });
    const lesson = await newLesson(app, { startDate: '2030-01-15', maxCapacity: 10, creditCount: 2 });

    const responses = await Promise.all(Array.from({ length: 10 }, () => book(member, lesson.id)));

    expect(codes(responses)).toEqual({ '201': 1, ALREADY_REGISTERED: 9 });
    expect((await ledgerOf(member.user.id)).filter((entry) => entry.type === 'use')).toEqual([{ type: 'use', count: -2 }]);
    expect((await http.get(`/lessons/${lesson.id}`).set('Authorization', member.auth)).body.reservedCount).toBe(1);
  });

  it('parallel bookings of different lessons never spend more credit than the member has', async () => {
    const member = await newMember(app);
    await buyCredits(app, member, { creditCount: 3, startDate: TODAY, periodDays: 10 });
    await buyCredits(app, member, { creditCount: 2, startDate: TODAY, periodDays: 20 });
    const lessons = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        newLesson(app, { startDate: '2030-01-15', startTime: `${10 + i}:00`, endTime: `${10 + i}:50`, creditCount: 2 }),
      ),
    );

    const responses = await Promise.all(lessons.map((lesson) => book(member, lesson.id)));

    expect(codes(responses)).toEqual({ '201': 2, NOT_ENOUGH_CREDIT: 6 });
    const [remaining] = await forkEm(app).execute<{ lowest: number; total: number }[]>(
      `select min(left_over) as lowest, sum(left_over) as total from (
         select p.count + coalesce(sum(m.count), 0) as left_over
           from credit p left join credit m on m.purchase_id = p.id
          where p.user_id = ? and p.type in ('purchase', 'grant') group by p.id, p.count) as buckets`,
      [member.user.id],
    );
    expect(Number(remaining.lowest)).toBeGreaterThanOrEqual(0);
    expect(Number(remaining.total)).toBe(1);
    expect((await http.get('/credits/balance').set('Authorization', member.auth)).body.balance).toBe(1);
  });

  it('parallel cancellations of one booking refund it once', async () => {
    const member = await newMember(app);
    await buyCredits(app, member, { creditCount: 4, startDate: TODAY });
    const lesson = await newLesson(app, { startDate: '2030-01-20', creditCount: 2 });
    const booking = await book(member, lesson.id).expect(201);

    const responses = await Promise.all(
      Array.from({ length: 6 }, () => http.delete(`/reservations/${booking.body.id}`).set('Authorization', member.auth)),
    );

    expect(responses.map((res) => res.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    expect(new Set(responses.filter((res) => res.status === 409).map((res) => res.body.code))).toEqual(new Set(['ALREADY_CANCELED']));
    expect((await http.get('/credits/balance').set('Authorization', member.auth)).body.balance).toBe(4);
    expect((await http.get(`/lessons/${lesson.id}`).set('Authorization', member.auth)).body.reservedCount).toBe(0);
  });
});
