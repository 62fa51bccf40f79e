import { buyCredits, FakeClock, forkEm, type Member, newLesson, newMember, resetDatabase } from '@app/testing';
import { PromotionMailer, type Promotion } from '@app/gym';
import { useApiWithWorker } from './api-with-worker';

const TODAY = '2030-01-10';

/** A promotion is announced by email from the worker, after the commit, once. */
describe('Gym: the promoted member’s email (e2e)', () => {
  const setup = useApiWithWorker({ clock: new FakeClock('2030-01-10T01:00:00Z') });
  const { drained } = setup;
  let app: typeof setup.app;
  let http: typeof setup.http;
  let sink: typeof setup.sink;
  beforeEach(async () => {
    ({ app, http, sink } = setup);
    await resetDatabase(app);
    sink.received.length = 0;
  });

  async function memberWith(credits: number, email?: string): Promise<Member> {
    const member = await newMember(app, email ? { email } : {});
    await buyCredits(app, member, { creditCount: credits, startDate: TODAY });
    return member;
  }

  it('emails the promoted member, not the passed one nor a member without an address, and only once', async () => {
    const lesson = await newLesson(app, { startDate: '2030-01-15', startTime: '07:00', endTime: '08:00', maxCapacity: 2, creditCount: 2 });
    const holders = [await memberWith(2), await memberWith(2)];
    const reservations: number[] = [];
    for (const holder of holders)
      reservations.push((await http.post(`/lessons/${lesson.id}/reservations`).set('Authorization', holder.auth).expect(201)).body.id);
    const broke = await memberWith(1, 'broke@example.com');
    const promoted = await memberWith(2, 'promoted@example.com');
    const silent = await memberWith(2);
    for (const waiter of [broke, promoted, silent])
      await http.post(`/lessons/${lesson.id}/waitlist`).set('Authorization', waiter.auth).expect(201);

    for (const [i, holder] of holders.entries())
      await http.delete(`/reservations/${reservations[i]}`).set('Authorization', holder.auth).expect(200);
    await drained();

    expect(sink.received).toEqual([
      {
        to: 'promoted@example.com',
        subject: 'You have a seat: yoga on 2030-01-15 07:00-08:00',
        text: expect.stringContaining('you were first on its waitlist. 2 credit(s) were charged, as for any booking.'),
      },
    ]);
    const [entry] = (await http.get('/users/me/waitlist').set('Authorization', promoted.auth).expect(200)).body;
    expect(entry.status).toBe('promoted');

    // announcing the same promotion again (a retried request, say) sends nothing more
    const again: Promotion = {
      entryId: entry.id,
      reservationId: 1,
      user: { id: promoted.user.id, username: promoted.user.username, email: 'promoted@example.com' },
      lesson: entry.lesson,
    };
    await app.get(PromotionMailer).announce([again]);
    await drained();
    expect(sink.received).toHaveLength(1);
  });

  it('tells nobody of a promotion whose transaction rolled back', async () => {
    const lesson = await newLesson(app, { startDate: '2030-01-15', maxCapacity: 1, creditCount: 2 });
    const holder = await memberWith(2);
    const reservationId = (await http.post(`/lessons/${lesson.id}/reservations`).set('Authorization', holder.auth).expect(201)).body.id;
    const waiter = await memberWith(2, 'waiter@example.com');
    await http.post(`/lessons/${lesson.id}/waitlist`).set('Authorization', waiter.auth).expect(201);
    // the promotion is decided, then its transaction fails at the last write (as a lost connection would)
    const em = forkEm(app);
    await em.execute(
      `create trigger fail_promotion before update on waitlist_entry for each row
         if new.status = 'promoted' then signal sqlstate '45000' set message_text = 'injected failure'; end if`,
    );
    try {
      const failed = await http.delete(`/reservations/${reservationId}`).set('Authorization', holder.auth);
      expect(failed.status).toBe(500);
    } finally {
      await em.execute('drop trigger fail_promotion');
    }
    await drained();

    expect(sink.received).toEqual([]);
    expect((await http.get('/users/me/waitlist').set('Authorization', waiter.auth).expect(200)).body[0]).toMatchObject({
      status: 'waiting',
      position: 1,
    });
    expect((await http.get('/users/me/bookings').set('Authorization', holder.auth).expect(200)).body.items).toHaveLength(1);
  });

  it('with an Idempotency-Key, waits for the outer transaction: a promotion it rolls back tells nobody', async () => {
    const lesson = await newLesson(app, { startDate: '2030-01-15', maxCapacity: 1, creditCount: 2 });
    const holder = await memberWith(2);
    const reservationId = (await http.post(`/lessons/${lesson.id}/reservations`).set('Authorization', holder.auth).expect(201)).body.id;
    const waiter = await memberWith(2, 'keyed@example.com');
    await http.post(`/lessons/${lesson.id}/waitlist`).set('Authorization', waiter.auth).expect(201);
    // the cancellation and its promotion succeed; then storing the key's answer fails, which rolls back all of it
    const em = forkEm(app);
    await em.execute(
      `create trigger fail_idempotency_answer before update on idempotency_key for each row
         signal sqlstate '45000' set message_text = 'injected failure'`,
    );
    try {
      const failed = await http
        .delete(`/reservations/${reservationId}`)
        .set('Authorization', holder.auth)
        .set('Idempotency-Key', 'cancel-1');
      expect(failed.status).toBe(500);
    } finally {
      await em.execute('drop trigger fail_idempotency_answer');
    }
    await drained();
    expect(sink.received).toEqual([]);
    expect((await http.get('/users/me/waitlist').set('Authorization', waiter.auth).expect(200)).body[0].status).toBe('waiting');

    // the same request again commits, and then the email goes out
    await http.delete(`/reservations/${reservationId}`).set('Authorization', holder.auth).set('Idempotency-Key', 'cancel-1').expect(200);
    await drained();
    expect(sink.received.map((mail) => mail.to)).toEqual(['keyed@example.com']);
  });
});
