import type request from 'supertest';
import { buyCredits, FakeClock, forkEm, type Member, newLesson, newMember, newStaff, useTestApp } from '@app/testing';

const TODAY = '2030-01-10';
const BOUGHT = 4;

/**
 * Real concurrent HTTP requests against MySQL: bookings, members' own cancellations and waitlist
 * joins racing the gym's cancellation of the lesson. Each either lands before it (and is swept up
 * by it: refunded, or its entry closed) or is refused after it; never a charge without a seat.
 */
describe('Gym: a lesson cancellation under concurrency (e2e)', () => {
  const { app, http } = useTestApp({ clock: new FakeClock('2030-01-10T01:00:00Z') });

  const book = (member: Member, lessonId: number) => http.post(`/lessons/${lessonId}/reservations`).set('Authorization', member.auth);
  const join = (member: Member, lessonId: number) => http.post(`/lessons/${lessonId}/waitlist`).set('Authorization', member.auth);
  const cancel = (member: Member, reservationId: number) => http.delete(`/reservations/${reservationId}`).set('Authorization', member.auth);
  const outcome = (res: request.Response) => (res.status < 300 ? res.status : `${res.status} ${res.body.code}`);

  async function membersWith(count: number): Promise<Member[]> {
    const members = await Promise.all(Array.from({ length: count }, () => newMember(app)));
    for (const member of members) await buyCredits(app, member, { creditCount: BOUGHT, startDate: TODAY });
    return members;
  }

  async function stateOf(lessonId: number) {
    const em = forkEm(app);
    const [row] = await em.execute<{ reserved: number; active: string; waiting: string; reserves: string; cancels: string }[]>(
      `select l.reserved_count as reserved,
              (select count(*) from reservation r where r.lesson_id = l.id and r.active_flag = 1) as active,
              (select count(*) from waitlist_entry w where w.lesson_id = l.id and w.status = 'waiting') as waiting,
              (select count(*) from reservation r where r.lesson_id = l.id and r.type = 'reserve') as reserves,
              (select count(*) from reservation r where r.lesson_id = l.id and r.type = 'cancel') as cancels
         from lesson l where l.id = ?`,
      [lessonId],
    );
    return {
      reserved: Number(row.reserved),
      active: Number(row.active),
      waiting: Number(row.waiting),
      reserves: Number(row.reserves),
      cancels: Number(row.cancels),
    };
  }

  async function ledgerSums(members: Member[]): Promise<number[]> {
    const rows = await forkEm(app).execute<{ userId: number; total: string }[]>(
      `select user_id as userId, sum(count) as total from credit where user_id in (${members.map(() => '?').join(', ')}) group by user_id`,
      members.map((member) => member.user.id),
    );
    const totals = new Map(rows.map((row) => [row.userId, Number(row.total)]));
    return members.map((member) => totals.get(member.user.id) ?? 0);
  }

  it('bookings, cancellations and joins racing it land before it or are refused; every ledger sums to what was bought', async () => {
    const staff = await newStaff(app);
    for (let round = 0; round < 6; round++) {
      const lesson = await newLesson(app, { startDate: '2030-01-15', maxCapacity: 4, creditCount: 2 });
      const holders = await membersWith(4);
      const reservations: number[] = [];
      for (const holder of holders) reservations.push((await book(holder, lesson.id).expect(201)).body.id);
      const waiters = await membersWith(2);
      for (const waiter of waiters) await join(waiter, lesson.id).expect(201);
      const [joiners, bookers] = [await membersWith(3), await membersWith(3)];

      const racing = [
        ...holders.slice(0, 2).map((holder, i) => cancel(holder, reservations[i])),
        ...joiners.map((joiner) => join(joiner, lesson.id)),
        ...bookers.map((booker) => book(booker, lesson.id)),
      ];
      // the cancellation goes out in the middle of the others
      racing.splice(
        4,
        0,
        http
          .post(`/lessons/${lesson.id}/cancel`)
          .set('Authorization', staff.auth)
          .send({ reason: `round ${round}` }),
      );
      const responses = await Promise.all(racing);

      const cancelled = responses[4];
      expect(cancelled.status).toBe(200);
      const others = responses.filter((_, i) => i !== 4);
      const memberCancels = others.slice(0, 2).map(outcome);
      const joins = others.slice(2, 5).map(outcome);
      const books = others.slice(5).map(outcome);
      for (const result of memberCancels) expect([200, '409 ALREADY_CANCELED']).toContain(result);
      for (const result of joins) expect([201, '409 LESSON_CLOSED', '409 LESSON_NOT_FULL']).toContain(result);
      for (const result of books) expect([201, '409 LESSON_CLOSED', '409 LESSON_FULL']).toContain(result);
      for (const res of [...others.slice(2)].filter((r) => r.body.code === 'LESSON_CLOSED'))
        expect(res.body.message).toBe('The lesson was cancelled by the gym');

      const state = await stateOf(lesson.id);
      expect({ reserved: state.reserved, active: state.active, waiting: state.waiting }).toEqual({ reserved: 0, active: 0, waiting: 0 });
      // every booking made, directly or from the waitlist, was cancelled exactly once: by its member or by the gym
      expect(state.cancels).toBe(state.reserves);
      expect(cancelled.body.refundedBookings).toBe(state.reserves - memberCancels.filter((result) => result === 200).length);
      // never a charge without a seat: all that was spent came back
      const everyone = [...holders, ...waiters, ...joiners, ...bookers];
      expect(await ledgerSums(everyone)).toEqual(everyone.map(() => BOUGHT));
    }
  });

  it('bookings racing it on a lesson with free seats: those before it are refunded with the rest, the others refused', async () => {
    const staff = await newStaff(app);
    const outcomes = new Set<string | number>();
    for (let round = 0; round < 6; round++) {
      const lesson = await newLesson(app, { startDate: '2030-01-15', maxCapacity: 10, creditCount: 2 });
      const holders = await membersWith(2);
      for (const holder of holders) await book(holder, lesson.id).expect(201);
      const bookers = await membersWith(8);

      const racing = bookers.map((booker) => book(booker, lesson.id));
      const at = round % 3 === 0 ? 0 : round % 3 === 1 ? 4 : 8;
      racing.splice(
        at,
        0,
        http
          .post(`/lessons/${lesson.id}/cancel`)
          .set('Authorization', staff.auth)
          .send({ reason: `round ${round}` }),
      );
      const responses = await Promise.all(racing);

      expect(responses[at].status).toBe(200);
      const books = responses.filter((_, i) => i !== at).map(outcome);
      books.forEach((result) => outcomes.add(result));
      for (const result of books) expect([201, '409 LESSON_CLOSED']).toContain(result);
      expect(responses[at].body.refundedBookings).toBe(2 + books.filter((result) => result === 201).length);
      const state = await stateOf(lesson.id);
      expect({ reserved: state.reserved, active: state.active, cancels: state.cancels }).toEqual({
        reserved: 0,
        active: 0,
        cancels: state.reserves,
      });
      const everyone = [...holders, ...bookers];
      expect(await ledgerSums(everyone)).toEqual(everyone.map(() => BOUGHT));
    }
    // the race was run, not only its two ends: some bookings landed before the cancellation, some after
    expect([...outcomes].sort()).toEqual([201, '409 LESSON_CLOSED'].sort());
  });
});
