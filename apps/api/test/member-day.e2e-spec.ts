import { buyCredits, FakeClock, newLesson, newMember, newPricePolicy, useTestApp } from '@app/testing';

// Monday 2030-01-14, 09:00 in Seoul
const NOW = '2030-01-14T00:00:00Z';

/**
 * `docs/member-day.md` step by step: what an app does for a member through one day, through HTTP.
 * If this test changes, that page changes with it.
 */
describe('A member’s day through the API (e2e)', () => {
  const clock = new FakeClock(NOW);
  const { app, http } = useTestApp({ clock, beforeEach: () => clock.set(NOW) });

  it('signs up, buys credits, books, waits for a full lesson, is promoted, cancels, refreshes and logs out', async () => {
    // staff set up the week beforehand
    const policy = await newPricePolicy(app, { name: '10 classes', price: 100_000, creditCount: 10, periodDays: 30 });
    const yoga = await newLesson(app, { startDate: '2030-01-16', startTime: '19:00', endTime: '20:00', creditCount: 2, maxCapacity: 12 });
    const swim = await newLesson(app, { startDate: '2030-01-18', startTime: '07:00', endTime: '08:00', creditCount: 1, maxCapacity: 1 });
    const regular = await newMember(app);
    await buyCredits(app, regular, { creditCount: 5, startDate: '2030-01-14' });
    const regularBooking = (await http.post(`/lessons/${swim.id}/reservations`).set('Authorization', regular.auth).expect(201)).body;

    // 1. the gym's clock
    expect((await http.get('/gym').expect(200)).body).toEqual({
      timeZone: 'Asia/Seoul',
      today: '2030-01-14',
      now: '2030-01-14T09:00:00.000+09:00',
    });

    // 2. sign up: the answer carries the tokens
    const signUp = await http
      .post('/users')
      .send({ username: 'jiwoo', password: 'correct-horse-9', phoneNumber: '010-1234-5678', email: 'jiwoo@example.com' })
      .expect(201);
    expect(signUp.body).toMatchObject({ username: 'jiwoo', email: 'jiwoo@example.com', tokenType: 'Bearer', expiresIn: 900 });
    const auth = `Bearer ${signUp.body.accessToken}`;
    let refreshToken: string = signUp.body.refreshToken;

    // 3. buy a membership from today, and see what can be spent
    await http.post('/credits').set('Authorization', auth).send({ pricePolicyId: policy.id, startDate: '2030-01-14' }).expect(201);
    expect((await http.get('/credits/balance').set('Authorization', auth).expect(200)).body).toMatchObject({
      balance: 10,
      available: 10,
      upcoming: 0,
    });

    // 4. the schedule from today, with my fields
    const schedule = (await http.get('/lessons').set('Authorization', auth).expect(200)).body.items;
    expect(
      schedule.map((lesson: { id: number; seatsLeft: number; myBooking: null }) => [lesson.id, lesson.seatsLeft, lesson.myBooking]),
    ).toEqual([
      [yoga.id, 12, null],
      [swim.id, 0, null],
    ]);

    // 5. book the yoga class
    const booking = (await http.post(`/lessons/${yoga.id}/reservations`).set('Authorization', auth).expect(201)).body;

    // 6. the swim is full: join its waitlist
    expect((await http.post(`/lessons/${swim.id}/reservations`).set('Authorization', auth).expect(409)).body.code).toBe('LESSON_FULL');
    const entry = (await http.post(`/lessons/${swim.id}/waitlist`).set('Authorization', auth).expect(201)).body;
    expect(entry).toMatchObject({ position: 1, status: 'waiting' });

    // 7. the regular cancels; the seat is jiwoo's, charged like a booking
    await http.delete(`/reservations/${regularBooking.id}`).set('Authorization', regular.auth).expect(200);
    expect((await http.get('/users/me/waitlist').set('Authorization', auth).expect(200)).body).toEqual([
      expect.objectContaining({ id: entry.id, status: 'promoted', position: null }),
    ]);
    const upcoming = (await http.get('/users/me/bookings').set('Authorization', auth).expect(200)).body.items;
    expect(
      upcoming.map((item: { lesson: { id: number }; status: string; creditsSpent: number }) => [
        item.lesson.id,
        item.status,
        item.creditsSpent,
      ]),
    ).toEqual([
      [yoga.id, 'booked', 2],
      [swim.id, 'booked', 1],
    ]);

    // 8. cancel the yoga two days ahead: half of 2 comes back
    const cancelled = (await http.delete(`/reservations/${booking.id}`).set('Authorization', auth).expect(200)).body;
    expect(cancelled).toMatchObject({ status: 'cancelled', creditsSpent: 2, creditsRefunded: 1 });
    expect((await http.get('/credits/balance').set('Authorization', auth).expect(200)).body.available).toBe(8);

    // 9. a new phone number
    await http.patch('/users/me').set('Authorization', auth).send({ phoneNumber: '010-8765-4321' }).expect(200);

    // 10. the access token lasts 15 minutes: the app trades its refresh token for a new pair
    const refreshed = (await http.post('/auth/refresh').send({ refreshToken }).expect(200)).body;
    expect(refreshed).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    expect(refreshed.refreshToken).not.toBe(refreshToken);
    refreshToken = refreshed.refreshToken;

    // 12. log out: the session's refresh tokens stop working (11, the evening reminder, is booking-reminders.e2e-spec)
    await http.post('/auth/logout').set('Authorization', `Bearer ${refreshed.accessToken}`).send({ refreshToken }).expect(204);
    expect((await http.post('/auth/refresh').send({ refreshToken }).expect(401)).body.code).toBe('INVALID_REFRESH_TOKEN');
  });
});
