import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { EMAIL_QUEUE, type EmailJobData } from '@app/jobs';
import { buyCredits, FakeClock, forkEm, type Member, newLesson, newMember, newStaff, useTestApp } from '@app/testing';

// 2030-01-10 10:00 in Asia/Seoul
const TODAY = '2030-01-10';
const NOW = '2030-01-10T01:00:00Z';

/** POST /lessons/:id/cancel: the gym cancels a lesson, refunding every booking in full and closing its waitlist. */
describe('Gym: staff cancelling a lesson (e2e)', () => {
  const clock = new FakeClock(NOW);
  const { app, http } = useTestApp({ clock, beforeEach: () => clock.set(NOW) });
  const queue = () => app.get<Queue<EmailJobData>>(getQueueToken(EMAIL_QUEUE));
  beforeEach(() => queue().obliterate({ force: true }));
  afterEach(() => queue().obliterate({ force: true }));

  const cancelLesson = (who: Member, lessonId: number, reason = 'The pool is closed for repairs') =>
    http.post(`/lessons/${lessonId}/cancel`).set('Authorization', who.auth).send({ reason });
  const book = (member: Member, lessonId: number) => http.post(`/lessons/${lessonId}/reservations`).set('Authorization', member.auth);
  const balance = async (member: Member) => (await http.get('/credits/balance').set('Authorization', member.auth).expect(200)).body;

  async function memberWith(credits: number, email?: string, periodDays = 30): Promise<Member> {
    const member = await newMember(app, email ? { email } : {});
    await buyCredits(app, member, { creditCount: credits, startDate: TODAY, periodDays });
    return member;
  }

  it('cancels every booking with a full refund to the purchases it came from, closes the waitlist and stamps the lesson', async () => {
    const staff = await newStaff(app);
    const lesson = await newLesson(app, { startDate: '2030-01-11', maxCapacity: 2, creditCount: 3 });
    // the first member pays from two purchases: the refund goes back to each
    const split = await newMember(app, { email: 'split@example.com' });
    const short = await buyCredits(app, split, { creditCount: 1, startDate: TODAY, periodDays: 5 });
    const long = await buyCredits(app, split, { creditCount: 5, startDate: TODAY, periodDays: 30 });
    const plain = await memberWith(3, 'plain@example.com');
    const bookings = [(await book(split, lesson.id).expect(201)).body.id, (await book(plain, lesson.id).expect(201)).body.id];
    const waiter = await memberWith(3, 'waiter@example.com');
    await http.post(`/lessons/${lesson.id}/waitlist`).set('Authorization', waiter.auth).expect(201);
    // a booking cancelled before stays as it was
    const gone = await memberWith(3);
    const other = await newLesson(app, { startDate: '2030-01-11' });
    await book(gone, other.id).expect(201);

    const res = await cancelLesson(staff, lesson.id).expect(200);
    expect(res.body).toEqual({
      id: lesson.id,
      gym: 'seoul',
      type: 'yoga',
      creditCount: 3,
      maxCapacity: 2,
      reservedCount: 0,
      startDate: '2030-01-11',
      startTime: '19:00',
      endTime: '20:00',
      canceledAt: '2030-01-10T01:00:00.000Z',
      refundedBookings: 2,
    });

    // the day before the lesson, a member's own cancellation would have refunded half: this is all of it
    expect(await balance(split)).toMatchObject({ balance: 6 });
    expect(await balance(plain)).toMatchObject({ balance: 3 });
    expect(await balance(waiter)).toMatchObject({ balance: 3 });
    const ledger = (await http.get('/credits').set('Authorization', split.auth).expect(200)).body as {
      type: string;
      count: number;
      purchaseId: number | null;
      reservationId: number | null;
      message: string;
    }[];
    const refunds = ledger.filter((entry) => entry.type === 'refund');
    expect(refunds.map((entry) => [entry.purchaseId, entry.count]).sort()).toEqual(
      [
        [long.id, 2],
        [short.id, 1],
      ].sort(),
    );
    expect(refunds[0].message).toBe(`Lesson #${lesson.id} cancelled by the gym: 3 of 3 credits refunded`);
    // written as a member's cancellation writes it: a cancel record linked to the booking, the refunds on it
    const bookingsOfSplit = (await http.get('/users/me/bookings?status=cancelled').set('Authorization', split.auth).expect(200)).body;
    expect(bookingsOfSplit.items).toEqual([
      expect.objectContaining({ id: bookings[0], status: 'cancelled', creditsSpent: 3, creditsRefunded: 3 }),
    ]);
    const em = forkEm(app);
    const records = await em.execute<{ cancels: number; credits: number }[]>(
      `select r.cancels_id as cancels, (select count(*) from credit c where c.reservation_id = r.id and c.type = 'refund') as credits
         from reservation r where r.lesson_id = ? and r.type = 'cancel' order by r.cancels_id`,
      [lesson.id],
    );
    expect(records.map((record) => [record.cancels, Number(record.credits)])).toEqual([
      [bookings[0], 2],
      [bookings[1], 1],
    ]);
    const entry = (await http.get('/users/me/waitlist').set('Authorization', waiter.auth).expect(200)).body[0];
    expect(entry).toMatchObject({ status: 'expired', reason: 'LESSON_CANCELED', position: null });
    const [stored] = await em.execute<{ reason: string }[]>('select cancel_reason as reason from lesson where id = ?', [lesson.id]);
    expect(stored.reason).toBe('The pool is closed for repairs');
    expect((await http.get(`/lessons/${other.id}`).set('Authorization', gone.auth).expect(200)).body).toMatchObject({
      reservedCount: 1,
      canceledAt: null,
    });

    const audit = (await http.get('/audit').query({ entity: 'lesson', entityId: lesson.id }).set('Authorization', staff.auth).expect(200))
      .body.items;
    expect(audit.filter((item: { action: string }) => item.action === 'lesson.cancel')).toEqual([
      expect.objectContaining({
        actor: { id: staff.user.id, username: staff.user.username },
        before: { canceledAt: null },
        after: { canceledAt: '2030-01-10T01:00:00.000Z', refundedBookings: 2, closedWaitlistEntries: 1 },
        reason: 'The pool is closed for repairs',
      }),
    ]);
  });

  it('shows canceledAt on the schedule and the lesson, and refuses bookings, waitlist joins and a second cancellation', async () => {
    const staff = await newStaff(app);
    const lesson = await newLesson(app, { startDate: '2030-01-15', maxCapacity: 1, creditCount: 2 });
    const standing = await newLesson(app, { startDate: '2030-01-16' });
    const holder = await memberWith(2);
    const reservationId = (await book(holder, lesson.id).expect(201)).body.id;
    await cancelLesson(staff, lesson.id).expect(200);

    const items = (await http.get('/lessons').expect(200)).body.items;
    expect(items.map((item: { id: number; canceledAt: string | null }) => [item.id, item.canceledAt])).toEqual([
      [lesson.id, '2030-01-10T01:00:00.000Z'],
      [standing.id, null],
    ]);
    expect((await http.get(`/lessons/${lesson.id}`).set('Authorization', staff.auth).expect(200)).body).toMatchObject({
      canceledAt: '2030-01-10T01:00:00.000Z',
      reservedCount: 0,
      seatsLeft: 1,
      waitlistLength: 0,
      waitlist: [],
    });

    const someone = await memberWith(2);
    const refused = await book(someone, lesson.id).expect(409);
    expect(refused.body).toEqual({ statusCode: 409, code: 'LESSON_CLOSED', message: 'The lesson was cancelled by the gym' });
    const joined = await http.post(`/lessons/${lesson.id}/waitlist`).set('Authorization', someone.auth).expect(409);
    expect(joined.body.code).toBe('LESSON_CLOSED');
    const cancelled = await http.delete(`/reservations/${reservationId}`).set('Authorization', holder.auth).expect(409);
    expect(cancelled.body.code).toBe('ALREADY_CANCELED');
    const again = await cancelLesson(staff, lesson.id).expect(409);
    expect(again.body.code).toBe('LESSON_ALREADY_CANCELED');
    expect(await balance(holder)).toMatchObject({ balance: 2 });
    expect(await balance(someone)).toMatchObject({ balance: 2 });
  });

  it('emails each member concerned who has an address, once, after the commit', async () => {
    const staff = await newStaff(app);
    const lesson = await newLesson(app, { startDate: '2030-01-15', maxCapacity: 2, creditCount: 2 });
    const booked = await memberWith(2, 'booked@example.com');
    const silent = await memberWith(2);
    for (const member of [booked, silent]) await book(member, lesson.id).expect(201);
    const waiting = await memberWith(2, 'waiting@example.com');
    await http.post(`/lessons/${lesson.id}/waitlist`).set('Authorization', waiting.auth).expect(201);

    await cancelLesson(staff, lesson.id, 'Instructor ill').expect(200);
    const jobs = (await queue().getJobs(['waiting', 'delayed', 'active'])).sort((a, b) => String(a.id).localeCompare(String(b.id)));
    expect(jobs.map((job) => [job.id, job.data.recipients])).toEqual([
      [`email-lesson-canceled-${lesson.id}-${booked.user.id}`, ['booked@example.com']],
      [`email-lesson-canceled-${lesson.id}-${waiting.user.id}`, ['waiting@example.com']],
    ]);
    expect(jobs[0].data.subject).toBe('Cancelled: yoga on 2030-01-15 19:00-20:00');
    expect(jobs[0].data.body).toContain('Reason: Instructor ill');
    expect(jobs[0].data.body).toContain('its 2 credit(s) are back in your balance');
    expect(jobs[1].data.body).toContain('nothing was charged');
  });

  it('refuses members, unknown lessons and a missing reason', async () => {
    const [staff, member] = [await newStaff(app), await newMember(app)];
    const lesson = await newLesson(app, { startDate: '2030-01-15' });
    expect((await cancelLesson(member, lesson.id).expect(403)).body.code).toBe('FORBIDDEN');
    expect((await cancelLesson(staff, 999_999).expect(404)).body.code).toBe('NOT_FOUND');
    for (const body of [{}, { reason: '' }, { reason: '  ' }, { reason: 'x'.repeat(501) }, { reason: 'ok', refund: 'none' }])
      expect((await http.post(`/lessons/${lesson.id}/cancel`).set('Authorization', staff.auth).send(body).expect(400)).body.code).toBe(
        'VALIDATION_FAILED',
      );
    expect((await http.get(`/lessons/${lesson.id}`).set('Authorization', staff.auth).expect(200)).body.canceledAt).toBeNull();
  });

  it('runs as many statements for a lesson of one booking as for a full one with a waitlist', async () => {
    const staff = await newStaff(app);
    async function statementsToCancel(booked: number, waiting: number): Promise<string> {
      const lesson = await newLesson(app, { startDate: '2030-01-15', maxCapacity: booked, creditCount: 2 });
      for (const member of await Promise.all(Array.from({ length: booked }, () => memberWith(2, 'x@example.com'))))
        await book(member, lesson.id).expect(201);
      for (const member of await Promise.all(Array.from({ length: waiting }, () => memberWith(2))))
        await http.post(`/lessons/${lesson.id}/waitlist`).set('Authorization', member.auth).expect(201);
      const res = await cancelLesson(staff, lesson.id).expect(200);
      expect(res.body.refundedBookings).toBe(booked);
      return res.headers['x-query-count'];
    }
    const [small, large] = [await statementsToCancel(1, 1), await statementsToCancel(6, 3)];
    expect(Number(small)).toBeGreaterThan(5);
    expect(large).toBe(small);
  });
});
