import { buyCredits, FakeClock, forkEm, type Member, newLesson, newMember, newStaff, useTestApp } from '@app/testing';

// 2030-01-10 10:00 in Asia/Seoul
const TODAY = '2030-01-10';
const NOW = '2030-01-10T01:00:00Z';

interface Entry {
  id: number;
  lesson: { id: number };
  position: number | null;
  status: string;
  reason: string | null;
  createdAt: string;
}

describe('Gym: the waitlist and its promotions (e2e)', () => {
  const clock = new FakeClock(NOW);
  const { app, http } = useTestApp({ clock, beforeEach: () => clock.set(NOW) });

  const book = (member: Member, lessonId: number) => http.post(`/lessons/${lessonId}/reservations`).set('Authorization', member.auth);
  const join = (member: Member, lessonId: number) => http.post(`/lessons/${lessonId}/waitlist`).set('Authorization', member.auth);
  const cancel = (member: Member, reservationId: number) => http.delete(`/reservations/${reservationId}`).set('Authorization', member.auth);
  const myWaitlist = async (member: Member): Promise<Entry[]> =>
    (await http.get('/users/me/waitlist').set('Authorization', member.auth).expect(200)).body;
  const balance = async (member: Member): Promise<number> =>
    (await http.get('/credits/balance').set('Authorization', member.auth).expect(200)).body.balance;

  /** A member holding `credits` credits valid from today. */
  async function memberWith(credits: number): Promise<Member> {
    const member = await newMember(app);
    if (credits > 0) await buyCredits(app, member, { creditCount: credits, startDate: TODAY });
    return member;
  }

  /** A lesson on 2030-01-15 (a full refund away) booked full by `capacity` members; answers it and their reservation ids. */
  async function fullLesson(capacity: number, overrides: { startDate?: string; startTime?: string; creditCount?: number } = {}) {
    const lesson = await newLesson(app, { startDate: '2030-01-15', maxCapacity: capacity, creditCount: 2, ...overrides });
    const holders: { member: Member; reservationId: number }[] = [];
    for (let i = 0; i < capacity; i++) {
      const member = await memberWith(lesson.creditCount);
      holders.push({ member, reservationId: (await book(member, lesson.id).expect(201)).body.id });
    }
    return { lesson, holders };
  }

  it('queues members of a full lesson in the order they join, and shows each their position', async () => {
    const { lesson } = await fullLesson(1);
    const [first, second] = [await memberWith(2), await memberWith(2)];

    const joined = await join(first, lesson.id).expect(201);
    expect(joined.body).toEqual({
      id: expect.any(Number),
      lesson: expect.objectContaining({ id: lesson.id, reservedCount: 1, maxCapacity: 1 }),
      position: 1,
      status: 'waiting',
      reason: null,
      createdAt: '2030-01-10T01:00:00.000Z',
    });
    expect((await join(second, lesson.id).expect(201)).body.position).toBe(2);
    expect((await myWaitlist(second)).map((entry) => [entry.lesson.id, entry.position, entry.status])).toEqual([[lesson.id, 2, 'waiting']]);

    await http.delete(`/waitlist/${joined.body.id}`).set('Authorization', first.auth).expect(204);
    expect(await myWaitlist(first)).toEqual([]);
    expect((await myWaitlist(second))[0].position).toBe(1);
  });

  it('refuses to queue for a lesson with seats, one already booked or waited for, a started one or one within the cutoff', async () => {
    const open = await newLesson(app, { startDate: '2030-01-15', maxCapacity: 3 });
    const member = await memberWith(10);
    const notFull = await join(member, open.id).expect(409);
    expect(notFull.body).toEqual({ statusCode: 409, code: 'LESSON_NOT_FULL', message: 'The lesson has 3 free seats: book it instead' });

    const { lesson, holders } = await fullLesson(1);
    expect((await join(holders[0].member, lesson.id).expect(409)).body.code).toBe('ALREADY_REGISTERED');
    await join(member, lesson.id).expect(201);
    expect((await join(member, lesson.id).expect(409)).body).toMatchObject({
      code: 'ALREADY_WAITLISTED',
      message: "You are already on this lesson's waitlist, at position 1",
    });

    // 10:00 now; a full lesson at 11:30 is within the 120-minute cutoff, one at 09:00 has started
    const soon = await fullLesson(1, { startDate: TODAY, startTime: '11:30' });
    expect((await join(member, soon.lesson.id).expect(409)).body).toMatchObject({
      code: 'LESSON_CLOSED',
      message: 'The waitlist closes 120 minutes before the lesson starts',
    });
    const later = await fullLesson(1, { startDate: TODAY, startTime: '12:01' });
    await join(member, later.lesson.id).expect(201);
    clock.set('2030-01-10T03:30:00Z'); // 12:30, the 12:01 lesson has started
    expect((await join(await memberWith(2), later.lesson.id).expect(409)).body.message).toBe('The lesson has already started');

    expect((await join(member, 999_999).expect(404)).body.code).toBe('NOT_FOUND');
    const [{ waiting }] = await forkEm(app).execute<{ waiting: number }[]>(
      `select count(*) as waiting from waitlist_entry where user_id = ? and status = 'waiting'`,
      [member.user.id],
    );
    expect(Number(waiting)).toBe(2);
  });

  it('a cancellation books the first waiting member with enough credit, charged soonest-ending first, and passes the others', async () => {
    const { lesson, holders } = await fullLesson(1, { creditCount: 3 });
    const broke = await memberWith(2);
    const rich = await newMember(app);
    await buyCredits(app, rich, { creditCount: 2, startDate: TODAY, periodDays: 10 });
    await buyCredits(app, rich, { creditCount: 5, startDate: TODAY, periodDays: 60 });
    const third = await memberWith(3);
    const brokeEntry = (await join(broke, lesson.id).expect(201)).body.id;
    const richEntry = (await join(rich, lesson.id).expect(201)).body.id;
    await join(third, lesson.id).expect(201);

    const cancelled = await cancel(holders[0].member, holders[0].reservationId).expect(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', creditsRefunded: 3 });

    expect(await myWaitlist(broke)).toEqual([
      expect.objectContaining({ id: brokeEntry, status: 'passed', reason: 'NOT_ENOUGH_CREDIT', position: null }),
    ]);
    expect(await myWaitlist(rich)).toEqual([expect.objectContaining({ id: richEntry, status: 'promoted', reason: null, position: null })]);
    expect((await myWaitlist(third))[0]).toMatchObject({ status: 'waiting', position: 1 });
    const bookings = (await http.get('/users/me/bookings').set('Authorization', rich.auth).expect(200)).body.items;
    expect(bookings).toEqual([
      expect.objectContaining({ status: 'booked', lesson: expect.objectContaining({ id: lesson.id }), creditsSpent: 3 }),
    ]);
    // the 10-day purchase (2 credits) went first, then 1 from the 60-day one
    const uses = await forkEm(app).execute<{ count: number; periodEnd: string }[]>(
      `select u.count, date_format(p.end_date, '%Y-%m-%d') as periodEnd from credit u join credit p on p.id = u.purchase_id
        where u.user_id = ? and u.type = 'use' order by p.end_date`,
      [rich.user.id],
    );
    expect(uses).toEqual([
      { count: -2, periodEnd: '2030-01-20' },
      { count: -1, periodEnd: '2030-03-11' },
    ]);
    expect(await balance(broke)).toBe(2);
    const detail = (await http.get(`/lessons/${lesson.id}`).set('Authorization', rich.auth).expect(200)).body;
    expect(detail).toMatchObject({ reservedCount: 1, seatsLeft: 0 });
  });

  it('within the cutoff a freed seat is not promoted: the waiting entries expire and anyone may book the seat', async () => {
    clock.set('2030-01-10T14:00:00Z'); // 23:00 in Seoul; the lesson starts 00:30 tomorrow, a half refund away
    const { lesson, holders } = await fullLesson(1, { startDate: '2030-01-11', startTime: '00:30' });
    const waiter = await memberWith(2);
    clock.set('2030-01-10T12:00:00Z'); // 21:00: the waitlist is still open
    await join(waiter, lesson.id).expect(201);
    clock.set('2030-01-10T14:00:00Z');
    expect((await myWaitlist(waiter))[0]).toMatchObject({ status: 'expired', position: null });

    await cancel(holders[0].member, holders[0].reservationId).expect(200);

    const [stored] = await forkEm(app).execute<{ status: string }[]>('select status from waitlist_entry where user_id = ?', [
      waiter.user.id,
    ]);
    expect(stored.status).toBe('expired');
    expect(await balance(waiter)).toBe(2);
    await book(await memberWith(2), lesson.id).expect(201);
  });

  it('leaving is for the owner and only while waiting', async () => {
    const { lesson, holders } = await fullLesson(1);
    const waiter = await memberWith(2);
    const entryId = (await join(waiter, lesson.id).expect(201)).body.id;
    expect((await http.delete(`/waitlist/${entryId}`).set('Authorization', holders[0].member.auth).expect(403)).body.code).toBe(
      'NOT_YOUR_WAITLIST_ENTRY',
    );
    await cancel(holders[0].member, holders[0].reservationId).expect(200);
    expect((await http.delete(`/waitlist/${entryId}`).set('Authorization', waiter.auth).expect(409)).body).toMatchObject({
      code: 'WAITLIST_ENTRY_CLOSED',
      message: 'This waitlist entry is promoted, no longer waiting',
    });
    expect((await http.delete('/waitlist/999999').set('Authorization', waiter.auth).expect(404)).body.code).toBe('NOT_FOUND');
  });

  it('the schedule shows free seats and waitlist length to anyone, and a signed-in member their booking and place', async () => {
    const { lesson, holders } = await fullLesson(2);
    const open = await newLesson(app, { startDate: '2030-01-16', maxCapacity: 5 });
    const [first, second] = [await memberWith(2), await memberWith(2)];
    await join(first, lesson.id).expect(201);
    await join(second, lesson.id).expect(201);
    const listed = async (auth?: string) => {
      const res = await (auth ? http.get('/lessons').set('Authorization', auth) : http.get('/lessons')).expect(200);
      return res.body.items.map((item: Record<string, unknown>) => ({
        id: item.id,
        seatsLeft: item.seatsLeft,
        waitlistLength: item.waitlistLength,
        myBooking: item.myBooking,
        myWaitlistPosition: item.myWaitlistPosition,
      }));
    };

    expect(await listed()).toEqual([
      { id: lesson.id, seatsLeft: 0, waitlistLength: 2, myBooking: null, myWaitlistPosition: null },
      { id: open.id, seatsLeft: 5, waitlistLength: 0, myBooking: null, myWaitlistPosition: null },
    ]);
    expect((await listed(second.auth))[0]).toMatchObject({ myBooking: null, myWaitlistPosition: 2 });
    expect((await listed(holders[1].member.auth))[0]).toMatchObject({ myBooking: holders[1].reservationId, myWaitlistPosition: null });
    const badToken = await http.get('/lessons').set('Authorization', 'Bearer not-a-token').expect(401);
    expect(badToken.body.code).toBe('UNAUTHENTICATED');

    // staff see the queue on the lesson; a member sees only counts and their own place
    const { body: staffView } = await http
      .get(`/lessons/${lesson.id}`)
      .set('Authorization', (await newStaff(app)).auth)
      .expect(200);
    expect(staffView.waitlist).toEqual([
      {
        position: 1,
        createdAt: '2030-01-10T01:00:00.000Z',
        user: { id: first.user.id, username: first.user.username, phoneNumber: first.user.phoneNumber },
      },
      {
        position: 2,
        createdAt: '2030-01-10T01:00:00.000Z',
        user: { id: second.user.id, username: second.user.username, phoneNumber: second.user.phoneNumber },
      },
    ]);
    const { body: memberView } = await http.get(`/lessons/${lesson.id}`).set('Authorization', second.auth).expect(200);
    expect(memberView).toMatchObject({ seatsLeft: 0, waitlistLength: 2, myBooking: null, myWaitlistPosition: 2, reservations: [] });
    expect(memberView).not.toHaveProperty('waitlist');
  });
});
