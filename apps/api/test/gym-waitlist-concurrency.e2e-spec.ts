import request from 'supertest';
import { buyCredits, FakeClock, forkEm, type Member, newLesson, newMember, useTestApp } from '@app/testing';

const TODAY = '2030-01-10';

/** Real concurrent HTTP requests against MySQL: freed seats, the waitlist and direct bookings racing. */
describe('Gym: the waitlist under concurrency (e2e)', () => {
  const { app, http } = useTestApp({ clock: new FakeClock('2030-01-10T01:00:00Z') });

  const book = (member: Member, lessonId: number) => http.post(`/lessons/${lessonId}/reservations`).set('Authorization', member.auth);
  const join = (member: Member, lessonId: number) => http.post(`/lessons/${lessonId}/waitlist`).set('Authorization', member.auth);
  const cancel = (member: Member, reservationId: number) => http.delete(`/reservations/${reservationId}`).set('Authorization', member.auth);
  const statuses = (responses: request.Response[]) => responses.map((res) => res.status);

  async function membersWith(count: number, credits: number): Promise<Member[]> {
    const members = await Promise.all(Array.from({ length: count }, () => newMember(app)));
    for (const member of members) await buyCredits(app, member, { creditCount: credits, startDate: TODAY });
    return members;
  }

  /** The lesson's seat count, its active bookings, and its waitlist entries in queue order. */
  async function stateOf(lessonId: number) {
    const em = forkEm(app);
    const [seats] = await em.execute<{ reserved: number; active: number }[]>(
      `select l.reserved_count as reserved, (select count(*) from reservation r where r.lesson_id = l.id and r.active_flag = 1) as active
         from lesson l where l.id = ?`,
      [lessonId],
    );
    const entries = await em.execute<{ userId: number; status: string; reservationId: number | null }[]>(
      'select user_id as userId, status, reservation_id as reservationId from waitlist_entry where lesson_id = ? order by id',
      [lessonId],
    );
    const bothWaitingAndBooked = await em.execute(
      `select w.id from waitlist_entry w join reservation r on r.lesson_id = w.lesson_id and r.user_id = w.user_id and r.active_flag = 1
        where w.lesson_id = ? and w.status = 'waiting'`,
      [lessonId],
    );
    return { reserved: Number(seats.reserved), active: Number(seats.active), entries, bothWaitingAndBooked: bothWaitingAndBooked.length };
  }

  async function ledgerSum(userId: number): Promise<number> {
    const [row] = await forkEm(app).execute<{ total: string }[]>('select coalesce(sum(count), 0) as total from credit where user_id = ?', [
      userId,
    ]);
    return Number(row.total);
  }

  it('ten concurrent cancellations with thirty waiting: exactly ten promotions, in queue order, each charged once', async () => {
    const lesson = await newLesson(app, { startDate: '2030-01-15', maxCapacity: 10, creditCount: 2 });
    const holders = await membersWith(10, 2);
    const reservations: number[] = [];
    for (const holder of holders) reservations.push((await book(holder, lesson.id).expect(201)).body.id);
    const waiters = await membersWith(30, 2);
    for (const waiter of waiters) await join(waiter, lesson.id).expect(201);

    const responses = await Promise.all(holders.map((holder, i) => cancel(holder, reservations[i])));

    expect(statuses(responses)).toEqual(Array(10).fill(200));
    const state = await stateOf(lesson.id);
    expect({ reserved: state.reserved, active: state.active, bothWaitingAndBooked: state.bothWaitingAndBooked }).toEqual({
      reserved: 10,
      active: 10,
      bothWaitingAndBooked: 0,
    });
    expect(state.entries.map((entry) => entry.userId)).toEqual(waiters.map((waiter) => waiter.user.id));
    expect(state.entries.map((entry) => entry.status)).toEqual([...Array(10).fill('promoted'), ...Array(20).fill('waiting')]);
    expect(new Set(state.entries.slice(0, 10).map((entry) => entry.reservationId)).size).toBe(10);
    for (const [i, waiter] of waiters.entries()) expect(await ledgerSum(waiter.user.id)).toBe(i < 10 ? 0 : 2);
    for (const holder of holders) expect(await ledgerSum(holder.user.id)).toBe(2);
    const positions = await Promise.all(
      waiters
        .slice(10)
        .map(async (waiter) => (await http.get('/users/me/waitlist').set('Authorization', waiter.auth).expect(200)).body[0].position),
    );
    expect(positions).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('a cancellation racing a direct booking of the freed seat: the seat goes to one of them, never to both', async () => {
    for (let round = 0; round < 8; round++) {
      const lesson = await newLesson(app, { startDate: '2030-01-15', maxCapacity: 1, creditCount: 2 });
      const [holder, waiter, outsider] = await membersWith(3, 2);
      const reservationId = (await book(holder, lesson.id).expect(201)).body.id;
      await join(waiter, lesson.id).expect(201);

      const [cancelled, booked] = await Promise.all([cancel(holder, reservationId), book(outsider, lesson.id)]);

      expect(cancelled.status).toBe(200);
      // the queue comes first: whichever commits first, the outsider finds the lesson full
      expect([booked.status, booked.body.code]).toEqual([409, 'LESSON_FULL']);
      const state = await stateOf(lesson.id);
      expect({ reserved: state.reserved, active: state.active, entries: state.entries.map((entry) => entry.status) }).toEqual({
        reserved: 1,
        active: 1,
        entries: ['promoted'],
      });
      expect([await ledgerSum(waiter.user.id), await ledgerSum(outsider.user.id)]).toEqual([0, 2]);
    }
  });

  it('with nobody able to take it, a freed seat raced by a direct booking is booked at most once', async () => {
    for (let round = 0; round < 8; round++) {
      const lesson = await newLesson(app, { startDate: '2030-01-15', maxCapacity: 1, creditCount: 2 });
      const [holder, outsider] = await membersWith(2, 2);
      const [broke] = await membersWith(1, 1);
      const reservationId = (await book(holder, lesson.id).expect(201)).body.id;
      await join(broke, lesson.id).expect(201);

      const [cancelled, booked] = await Promise.all([cancel(holder, reservationId), book(outsider, lesson.id)]);

      expect(cancelled.status).toBe(200);
      const state = await stateOf(lesson.id);
      expect(state.entries.map((entry) => entry.status)).toEqual(['passed']);
      expect(state.reserved).toBe(state.active);
      // booked after the cancellation committed, or refused before it: never over capacity, never charged without a seat
      expect(booked.status === 201 ? [1, 0] : [0, 2]).toEqual([state.active, await ledgerSum(outsider.user.id)]);
    }
  });

  it('joins racing a cancellation: a member who joined before it committed is promoted, none is left waiting beside a free seat', async () => {
    const lesson = await newLesson(app, { startDate: '2030-01-15', maxCapacity: 1, creditCount: 2 });
    const [holder] = await membersWith(1, 2);
    const reservationId = (await book(holder, lesson.id).expect(201)).body.id;
    const joiners = await membersWith(6, 2);

    const responses = await Promise.all([cancel(holder, reservationId), ...joiners.map((joiner) => join(joiner, lesson.id))]);

    expect(responses[0].status).toBe(200);
    const state = await stateOf(lesson.id);
    const joined = responses.slice(1).filter((res) => res.status === 201).length;
    const refused = responses.slice(1).filter((res) => res.body.code === 'LESSON_NOT_FULL').length;
    expect(joined + refused).toBe(6);
    // joins before the cancellation queued, and the first of them was promoted (the lesson full
    // again for later joins); joins after it found a free seat
    expect(state.reserved).toBe(joined > 0 ? 1 : 0);
    expect(state.entries.filter((entry) => entry.status === 'promoted').length).toBe(joined > 0 ? 1 : 0);
    expect(state.entries.filter((entry) => entry.status === 'waiting').length).toBe(Math.max(joined - 1, 0));
    expect(state.bothWaitingAndBooked).toBe(0);
  });
});
