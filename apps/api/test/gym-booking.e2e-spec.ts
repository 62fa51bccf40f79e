import { buyCredits, FakeClock, type Member, newLesson, newMember, useTestApp } from '@app/testing';

// 2030-01-10 10:00 in Asia/Seoul
const TODAY = '2030-01-10';
const NOW = '2030-01-10T01:00:00Z';

describe('Gym: booking and cancelling (e2e)', () => {
  const clock = new FakeClock(NOW);
  const { app, http } = useTestApp({ clock, beforeEach: () => clock.set(NOW) });

  const book = (member: Member, lessonId: number) => http.post(`/lessons/${lessonId}/reservations`).set('Authorization', member.auth);
  const cancel = (member: Member, reservationId: number) => http.delete(`/reservations/${reservationId}`).set('Authorization', member.auth);
  const balance = async (member: Member): Promise<number> =>
    (await http.get('/credits/balance').set('Authorization', member.auth).expect(200)).body.balance;
  const reservedCount = async (member: Member, lessonId: number): Promise<number> =>
    (await http.get(`/lessons/${lessonId}`).set('Authorization', member.auth).expect(200)).body.reservedCount;

  describe('booking', () => {
    it('books a seat and writes the use entry against the purchase', async () => {
      const member = await newMember(app);
      const purchase = await buyCredits(app, member, { creditCount: 10, startDate: TODAY });
      const lesson = await newLesson(app, { startDate: '2030-01-15', creditCount: 2 });
      const res = await book(member, lesson.id);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        id: expect.any(Number),
        type: 'reserve',
        lesson: { id: lesson.id, reservedCount: 1, startDate: '2030-01-15', startTime: '19:00', endTime: '20:00' },
        user: { id: member.user.id, username: member.user.username },
        credits: [{ type: 'use', count: -2, purchaseId: purchase.id, reservationId: res.body.id, endDate: null, startDate: TODAY }],
      });
      expect(new Date(res.body.createdAt).toISOString()).toBe(res.body.createdAt);
      await expect(balance(member)).resolves.toBe(8);
    });

    it('spends from the purchase that ends soonest first, across purchases when one is not enough', async () => {
      const member = await newMember(app);
      const later = await buyCredits(app, member, { creditCount: 5, startDate: TODAY, periodDays: 30 });
      const sooner = await buyCredits(app, member, { creditCount: 1, startDate: TODAY, periodDays: 10 });
      const lesson = await newLesson(app, { startDate: '2030-01-15', creditCount: 3 });
      const res = await book(member, lesson.id).expect(201);
      expect(res.body.credits.map((c: { purchaseId: number; count: number }) => [c.purchaseId, c.count])).toEqual([
        [sooner.id, -1],
        [later.id, -2],
      ]);
      const buckets = (await http.get('/credits/balance').set('Authorization', member.auth)).body;
      expect(buckets).toEqual({
        balance: 3,
        available: 3,
        upcoming: 0,
        buckets: [{ creditId: later.id, remaining: 3, startDate: TODAY, endDate: '2030-02-09' }],
      });
      // the profile groups each reservation's entries under it, newest reservation first
      const next = await book(member, (await newLesson(app, { startDate: '2030-01-16', creditCount: 1 })).id).expect(201);
      const me = (await http.get('/users/me').set('Authorization', member.auth).expect(200)).body;
      expect(me.reservations.map((r: { id: number; credits: { id: number }[] }) => [r.id, r.credits.map((c) => c.id)])).toEqual([
        [next.body.id, next.body.credits.map((c: { id: number }) => c.id)],
        [res.body.id, res.body.credits.map((c: { id: number }) => c.id)],
      ]);
      // what the booking answered is what is read back later, times included (stored in whole seconds)
      expect(me.reservations[1].credits).toEqual(res.body.credits);
      expect(me.reservations[1].createdAt).toBe(res.body.createdAt);
    });

    it('only spends purchases valid on the lesson day', async () => {
      const member = await newMember(app);
      await buyCredits(app, member, { creditCount: 10, startDate: TODAY, periodDays: 3 });
      const lesson = await newLesson(app, { startDate: '2030-01-15', creditCount: 1 });
      const res = await book(member, lesson.id);
      expect(res.status).toBe(409);
      expect(res.body).toEqual({
        statusCode: 409,
        code: 'NOT_ENOUGH_CREDIT',
        message: 'The lesson costs 1 credits; 0 are usable for its date',
      });
    });

    it('refuses a full lesson with LESSON_FULL and changes nothing', async () => {
      const [first, second] = [await newMember(app), await newMember(app)];
      for (const member of [first, second]) await buyCredits(app, member, { creditCount: 5, startDate: TODAY });
      const lesson = await newLesson(app, { startDate: '2030-01-15', maxCapacity: 1 });
      await book(first, lesson.id).expect(201);
      const res = await book(second, lesson.id);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('LESSON_FULL');
      await expect(balance(second)).resolves.toBe(5);
      await expect(reservedCount(second, lesson.id)).resolves.toBe(1);
    });

    it('refuses a lesson that has started or passed with LESSON_CLOSED', async () => {
      const member = await newMember(app);
      await buyCredits(app, member, { creditCount: 5, startDate: TODAY });
      const startedToday = await newLesson(app, { startDate: TODAY, startTime: '10:00', endTime: '11:00' });
      const laterToday = await newLesson(app, { startDate: TODAY, startTime: '10:01', endTime: '11:00' });
      expect((await book(member, startedToday.id)).body.code).toBe('LESSON_CLOSED');
      await book(member, laterToday.id).expect(201);
    });

    it('refuses a second booking of the same lesson with ALREADY_REGISTERED', async () => {
      const member = await newMember(app);
      await buyCredits(app, member, { creditCount: 5, startDate: TODAY });
      const lesson = await newLesson(app, { startDate: '2030-01-15' });
      await book(member, lesson.id).expect(201);
      const res = await book(member, lesson.id);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('ALREADY_REGISTERED');
      await expect(balance(member)).resolves.toBe(3);
    });

    it('checks the refusals in the contract order', async () => {
      const [member, other] = [await newMember(app), await newMember(app)];
      await buyCredits(app, member, { creditCount: 2, startDate: TODAY });
      await buyCredits(app, other, { creditCount: 2, startDate: TODAY });
      const lesson = await newLesson(app, { startDate: TODAY, startTime: '12:00', endTime: '13:00', maxCapacity: 2, creditCount: 2 });
      await book(member, lesson.id).expect(201);
      // registered and out of credit: ALREADY_REGISTERED comes before NOT_ENOUGH_CREDIT
      expect((await book(member, lesson.id)).body.code).toBe('ALREADY_REGISTERED');
      clock.set('2030-01-10T03:30:00Z'); // 12:30 in Seoul: the lesson has started
      // started, registered and out of credit: LESSON_CLOSED first
      expect((await book(member, lesson.id)).body.code).toBe('LESSON_CLOSED');
      clock.set(NOW);
      await book(other, lesson.id).expect(201);
      clock.set('2030-01-10T03:30:00Z');
      const stranger = await newMember(app);
      // full, started and no credit at all: LESSON_FULL first
      expect((await book(stranger, lesson.id)).body.code).toBe('LESSON_FULL');
    });

    it('answers 404 for an unknown lesson and 400 for a bad id', async () => {
      const member = await newMember(app);
      expect((await book(member, 999_999)).body).toEqual({ statusCode: 404, code: 'NOT_FOUND', message: 'Lesson 999999 not found' });
      await http.post('/lessons/abc/reservations').set('Authorization', member.auth).expect(400);
    });
  });

  describe('cancelling', () => {
    async function bookedMember(lessonDate: string, cost = 3) {
      const member = await newMember(app);
      await buyCredits(app, member, { creditCount: 10, startDate: TODAY });
      const lesson = await newLesson(app, { startDate: lessonDate, creditCount: cost });
      const reservation = (await book(member, lesson.id).expect(201)).body;
      return { member, lesson, reservation };
    }

    it.each([
      ['2030-01-13', 3, 10],
      ['2030-01-12', 2, 8],
      ['2030-01-11', 1, 8],
    ])('for a lesson on %s (%i days ahead) refunds down to a balance of %i', async (lessonDate, _days, expected) => {
      const { member, lesson, reservation } = await bookedMember(lessonDate);
      await expect(balance(member)).resolves.toBe(7);
      const cancelled = await cancel(member, reservation.id).expect(200);
      await expect(balance(member)).resolves.toBe(expected);
      expect(cancelled.body).toEqual({
        id: reservation.id,
        status: 'cancelled',
        lesson: expect.objectContaining({ id: lesson.id, reservedCount: 0 }),
        bookedAt: reservation.createdAt,
        cancelledAt: new Date(NOW).toISOString(),
        creditsSpent: 3,
        creditsRefunded: expected - 7,
      });
    });

    it('answers a refund of 0 and writes it in the ledger as a refund entry of 0', async () => {
      const { member, reservation } = await bookedMember('2030-01-11', 1); // 1 day ahead: half of 1 is 0
      const cancelled = await cancel(member, reservation.id).expect(200);
      expect(cancelled.body).toMatchObject({ status: 'cancelled', creditsSpent: 1, creditsRefunded: 0 });
      const ledger = (await http.get('/credits').set('Authorization', member.auth).expect(200)).body;
      expect(ledger.filter((entry: { type: string }) => entry.type === 'refund')).toEqual([
        expect.objectContaining({ count: 0, message: 'Cancelled lesson #' + cancelled.body.lesson.id + ': 0 of 1 credits refunded' }),
      ]);
      await expect(balance(member)).resolves.toBe(9);
    });

    it('refuses on the lesson day and after with CANCEL_NOT_ALLOWED, changing nothing', async () => {
      const { member, lesson, reservation } = await bookedMember('2030-01-11');
      clock.set('2030-01-10T15:00:00Z'); // 00:00 on the 11th in Seoul
      const res = await cancel(member, reservation.id);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('CANCEL_NOT_ALLOWED');
      clock.set('2030-01-12T01:00:00Z');
      expect((await cancel(member, reservation.id)).body.code).toBe('CANCEL_NOT_ALLOWED');
      await expect(balance(member)).resolves.toBe(7);
      await expect(reservedCount(member, lesson.id)).resolves.toBe(1);
    });

    it('writes a cancel record linked to the booking, with refund entries, and frees the seat', async () => {
      const { member, lesson, reservation } = await bookedMember('2030-01-20', 2);
      await cancel(member, reservation.id).expect(200);
      const me = (await http.get('/users/me').set('Authorization', member.auth).expect(200)).body;
      expect(me.creditBalance).toBe(10);
      expect(me.reservations.map((r: { type: string }) => r.type)).toEqual(['cancel', 'reserve']);
      const [record, original] = me.reservations;
      expect(original.id).toBe(reservation.id);
      expect(record.credits).toEqual([expect.objectContaining({ type: 'refund', count: 2, reservationId: record.id })]);
      expect(original.credits).toEqual([expect.objectContaining({ type: 'use', count: -2, reservationId: original.id })]);
      // the profile's entries are the ledger's own, field for field
      const ledger = (await http.get('/credits').set('Authorization', member.auth).expect(200)).body as { id: number }[];
      expect([...record.credits, ...original.credits]).toEqual(
        expect.arrayContaining(ledger.filter((entry) => [record.credits[0].id, original.credits[0].id].includes(entry.id))),
      );
      const {
        reservations: _roster,
        seatsLeft: _seats,
        waitlistLength: _queue,
        myBooking: _mine,
        myWaitlistPosition: _place,
        canceledAt,
        ...lessonFields
      } = (await http.get(`/lessons/${lesson.id}`).set('Authorization', member.auth).expect(200)).body;
      expect(original.lesson).toEqual(lessonFields);
      expect(canceledAt).toBeNull();
      await expect(reservedCount(member, lesson.id)).resolves.toBe(0);
      await book(member, lesson.id).expect(201);
    });

    it('refunds a partial refund to the purchase that stays valid longest', async () => {
      const member = await newMember(app);
      const sooner = await buyCredits(app, member, { creditCount: 1, startDate: TODAY, periodDays: 10 });
      const later = await buyCredits(app, member, { creditCount: 1, startDate: TODAY, periodDays: 30 });
      const lesson = await newLesson(app, { startDate: '2030-01-12', creditCount: 2 });
      const reservation = (await book(member, lesson.id).expect(201)).body;
      await cancel(member, reservation.id).expect(200);
      const buckets = (await http.get('/credits/balance').set('Authorization', member.auth)).body.buckets;
      expect(buckets).toEqual([{ creditId: later.id, remaining: 1, startDate: TODAY, endDate: '2030-02-09' }]);
      expect(buckets.find((b: { creditId: number }) => b.creditId === sooner.id)).toBeUndefined();
    });

    it("refuses another member's reservation with 403 NOT_YOUR_RESERVATION", async () => {
      const { reservation } = await bookedMember('2030-01-20');
      const stranger = await newMember(app);
      const res = await cancel(stranger, reservation.id);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('NOT_YOUR_RESERVATION');
    });

    it('refuses a cancellation record (INVALID_RESERVATION_TYPE) and a second cancel (ALREADY_CANCELED)', async () => {
      const { member, reservation } = await bookedMember('2030-01-20');
      await cancel(member, reservation.id).expect(200);
      const again = await cancel(member, reservation.id);
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('ALREADY_CANCELED');
      const record = (await http.get('/users/me').set('Authorization', member.auth)).body.reservations[0];
      expect((await cancel(member, record.id)).body.code).toBe('INVALID_RESERVATION_TYPE');
      await expect(balance(member)).resolves.toBe(10);
    });

    it('answers 404 for an unknown reservation', async () => {
      const member = await newMember(app);
      expect((await cancel(member, 999_999)).status).toBe(404);
    });
  });
});
