import { User } from '@app/identity';
import { buyCredits, FakeClock, forkEm, type Member, newLesson, newMember, newStaff, useTestApp } from '@app/testing';

// 2030-01-10 10:00 in Asia/Seoul
const TODAY = '2030-01-10';
const NOW = '2030-01-10T01:00:00Z';

/** DELETE /reservations/:id by staff: any member's booking, any day, refunded by the tiers or in full. */
describe('Gym: staff cancelling a member’s booking (e2e)', () => {
  const clock = new FakeClock(NOW);
  const { app, http } = useTestApp({ clock, beforeEach: () => clock.set(NOW) });

  const book = (member: Member, lessonId: number) => http.post(`/lessons/${lessonId}/reservations`).set('Authorization', member.auth);
  const cancel = (who: Member, reservationId: number, refund?: string) =>
    http
      .delete(`/reservations/${reservationId}`)
      .query(refund ? { refund } : {})
      .set('Authorization', who.auth);
  const balance = async (member: Member): Promise<number> =>
    (await http.get('/credits/balance').set('Authorization', member.auth).expect(200)).body.balance;
  const auditOf = async (staff: Member, reservationId: number) =>
    (await http.get('/audit').query({ entity: 'reservation', entityId: reservationId }).set('Authorization', staff.auth).expect(200)).body
      .items;

  async function bookedMember(lessonStart: string, creditCount = 4): Promise<{ member: Member; reservationId: number; lessonId: number }> {
    const member = await newMember(app);
    await buyCredits(app, member, { creditCount: 10, startDate: TODAY });
    const lesson = await newLesson(app, { startDate: lessonStart, creditCount });
    return { member, lessonId: lesson.id, reservationId: (await book(member, lesson.id).expect(201)).body.id };
  }

  it("cancels another member's booking by the tiers, and records it; a member's own cancellation is not a staff change", async () => {
    const staff = await newStaff(app);
    const early = await bookedMember('2030-01-15');
    const res = await cancel(staff, early.reservationId).expect(200);
    expect(res.body).toMatchObject({ id: early.reservationId, status: 'cancelled', creditsSpent: 4, creditsRefunded: 4 });
    expect(await balance(early.member)).toBe(10);
    // the roster tells the cancelled booking from a held seat (the console shows only the latter)
    const roster = (await http.get(`/lessons/${early.lessonId}`).set('Authorization', staff.auth).expect(200)).body.reservations;
    expect(roster).toEqual([
      expect.objectContaining({ id: early.reservationId, type: 'reserve', canceledAt: expect.stringMatching(/^2030-01-10T01:00:00/) }),
      expect.objectContaining({ type: 'cancel', canceledAt: null }),
    ]);
    expect(await auditOf(staff, early.reservationId)).toEqual([
      expect.objectContaining({
        actor: { id: staff.user.id, username: staff.user.username },
        action: 'reservation.cancel',
        entity: 'reservation',
        entityId: early.reservationId,
        before: { status: 'booked' },
        after: { status: 'cancelled', refund: 'tier', creditsRefunded: 4 },
        reason: null,
      }),
    ]);

    const halfway = await bookedMember('2030-01-12');
    expect((await cancel(staff, halfway.reservationId, 'tier').expect(200)).body.creditsRefunded).toBe(2);
    const own = await bookedMember('2030-01-15');
    await cancel(own.member, own.reservationId).expect(200);
    expect(await auditOf(staff, own.reservationId)).toEqual([]);
  });

  it('cancels on the lesson day and after its start: the tier refunds 0, full refunds everything', async () => {
    const staff = await newStaff(app);
    const [today, started] = [await bookedMember(TODAY), await bookedMember(TODAY)];
    expect((await cancel(today.member, today.reservationId).expect(409)).body.code).toBe('CANCEL_NOT_ALLOWED');

    const tier = await cancel(staff, today.reservationId).expect(200);
    expect(tier.body).toMatchObject({ status: 'cancelled', creditsSpent: 4, creditsRefunded: 0 });
    expect(await balance(today.member)).toBe(6);

    clock.set('2030-01-10T10:30:00Z'); // 19:30 in Seoul: the 19:00 lesson has started
    const full = await cancel(staff, started.reservationId, 'full').expect(200);
    expect(full.body).toMatchObject({ status: 'cancelled', creditsSpent: 4, creditsRefunded: 4 });
    expect(await balance(started.member)).toBe(10);
    expect((await auditOf(staff, started.reservationId))[0].after).toMatchObject({ refund: 'full', creditsRefunded: 4 });
    expect((await cancel(staff, started.reservationId, 'full').expect(409)).body.code).toBe('ALREADY_CANCELED');
  });

  it('refunds in full only for staff, and a staff member may use it on their own booking (recorded)', async () => {
    const { member, reservationId } = await bookedMember(TODAY);
    const refused = await cancel(member, reservationId, 'full').expect(403);
    expect(refused.body).toEqual({ statusCode: 403, code: 'FORBIDDEN', message: 'Only staff may refund a cancellation in full' });
    expect((await cancel(member, reservationId, 'everything').expect(400)).body.code).toBe('VALIDATION_FAILED');
    const other = await newMember(app);
    expect((await cancel(other, reservationId).expect(403)).body.code).toBe('NOT_YOUR_RESERVATION');
    expect(await balance(member)).toBe(6);

    const staff = await newStaff(app);
    await buyCredits(app, staff, { creditCount: 4, startDate: TODAY });
    const mine = (await book(staff, (await newLesson(app, { startDate: TODAY, creditCount: 4 })).id).expect(201)).body.id;
    expect((await cancel(staff, mine, 'full').expect(200)).body.creditsRefunded).toBe(4);
    expect((await auditOf(staff, mine))[0]).toMatchObject({ action: 'reservation.cancel', after: { refund: 'full', creditsRefunded: 4 } });
  });

  it('decides staff by the database, not by the token', async () => {
    const setStaff = (who: Member, isStaff: boolean) => forkEm(app).nativeUpdate(User, { id: who.user.id }, { isStaff });
    const [demoted, promoted] = [await newStaff(app), await newMember(app)];
    await setStaff(demoted, false);
    await setStaff(promoted, true);
    const { reservationId } = await bookedMember('2030-01-15');
    expect((await cancel(demoted, reservationId).expect(403)).body.code).toBe('NOT_YOUR_RESERVATION');
    expect((await cancel(demoted, reservationId, 'full').expect(403)).body.code).toBe('FORBIDDEN');
    await cancel(promoted, reservationId, 'full').expect(200);
  });

  it('gives the seat a staff cancellation frees to the first member waiting, in the same transaction', async () => {
    const staff = await newStaff(app);
    const holder = await newMember(app);
    await buyCredits(app, holder, { creditCount: 2, startDate: TODAY });
    const lesson = await newLesson(app, { startDate: '2030-01-12', maxCapacity: 1, creditCount: 2 });
    const reservationId = (await book(holder, lesson.id).expect(201)).body.id;
    const waiter = await newMember(app);
    await buyCredits(app, waiter, { creditCount: 2, startDate: TODAY });
    await http.post(`/lessons/${lesson.id}/waitlist`).set('Authorization', waiter.auth).expect(201);

    await cancel(staff, reservationId, 'full').expect(200);
    const roster = (await http.get(`/lessons/${lesson.id}`).set('Authorization', staff.auth).expect(200)).body;
    expect(roster).toMatchObject({ reservedCount: 1, waitlistLength: 0 });
    expect(
      roster.reservations.filter((r: { type: string }) => r.type === 'reserve').map((r: { user: { id: number } }) => r.user.id),
    ).toEqual([holder.user.id, waiter.user.id]);
    expect([await balance(holder), await balance(waiter)]).toEqual([2, 0]);
  });
});
