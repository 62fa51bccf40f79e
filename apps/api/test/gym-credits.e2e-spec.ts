import { CreditExpiryService } from '@app/gym';
import { buyCredits, FakeClock, forkEm, type Member, newLesson, newMember, newPricePolicy, newStaff, useTestApp } from '@app/testing';

const TODAY = '2030-01-10';
const NOW = '2030-01-10T01:00:00Z';

describe('Gym: the credit ledger (e2e)', () => {
  const clock = new FakeClock(NOW);
  const { app, http } = useTestApp({ clock, beforeEach: () => clock.set(NOW) });

  const ledger = async (member: Member) => (await http.get('/credits').set('Authorization', member.auth).expect(200)).body;
  const balance = async (member: Member) => (await http.get('/credits/balance').set('Authorization', member.auth).expect(200)).body;
  const ledgerSum = async (userId: number): Promise<number> => {
    const [row] = await forkEm(app).execute<{ total: string | null }[]>('select sum(count) as total from credit where user_id = ?', [
      userId,
    ]);
    return Number(row.total ?? 0);
  };

  describe('POST /credits', () => {
    it('buys a membership: a purchase entry ending startDate + periodDays', async () => {
      const member = await newMember(app);
      const policy = await newPricePolicy(app, { name: '10 classes', creditCount: 10, periodDays: 30 });
      const res = await http.post('/credits').set('Authorization', member.auth).send({ pricePolicyId: policy.id, startDate: '2030-01-20' });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(Number),
        type: 'purchase',
        count: 10,
        startDate: '2030-01-20',
        endDate: '2030-02-19',
        pricePolicyId: policy.id,
        reservationId: null,
        purchaseId: null,
        message: 'Purchased 10 classes',
        createdAt: '2030-01-10T01:00:00.000Z',
      });
    });

    it("stamps every ledger entry with the app's clock, as bookings are", async () => {
      const member = await newMember(app);
      await buyCredits(app, member, { creditCount: 4, startDate: TODAY });
      const lesson = await newLesson(app, { startDate: '2030-01-20', creditCount: 2 });
      clock.set('2030-01-11T02:30:00Z');
      const booked = await http.post(`/lessons/${lesson.id}/reservations`).set('Authorization', member.auth).expect(201);
      clock.set('2030-01-12T03:45:00Z');
      await http.delete(`/reservations/${booked.body.id}`).set('Authorization', member.auth).expect(200);
      expect((await ledger(member)).map((entry: { type: string; createdAt: string }) => [entry.type, entry.createdAt])).toEqual([
        ['purchase', '2030-01-10T01:00:00.000Z'],
        ['use', '2030-01-11T02:30:00.000Z'],
        ['refund', '2030-01-12T03:45:00.000Z'],
      ]);
    });

    it('refuses a start date in the past, an impossible date and an unknown policy', async () => {
      const member = await newMember(app);
      const policy = await newPricePolicy(app);
      const past = await http
        .post('/credits')
        .set('Authorization', member.auth)
        .send({ pricePolicyId: policy.id, startDate: '2030-01-09' });
      expect(past.body).toEqual({
        statusCode: 400,
        code: 'INVALID_START_DATE',
        message: 'startDate 2030-01-09 is before today, 2030-01-10 in Asia/Seoul',
      });
      const impossible = await http
        .post('/credits')
        .set('Authorization', member.auth)
        .send({ pricePolicyId: policy.id, startDate: '2030-02-30' });
      expect(impossible.body.errors).toEqual([{ field: 'startDate', messages: ['startDate must be a date as YYYY-MM-DD'] }]);
      const unknown = await http.post('/credits').set('Authorization', member.auth).send({ pricePolicyId: 987654, startDate: TODAY });
      expect(unknown.status).toBe(404);
      expect(await ledger(member)).toEqual([]);
    });
  });

  describe('GET /credits', () => {
    it("lists the caller's ledger oldest first; staff may read a member's, members may not", async () => {
      const [member, other] = [await newMember(app), await newMember(app)];
      const first = await buyCredits(app, member, { creditCount: 5, startDate: TODAY });
      const lesson = await newLesson(app, { startDate: '2030-01-15', creditCount: 2 });
      const booking = await http.post(`/lessons/${lesson.id}/reservations`).set('Authorization', member.auth).expect(201);
      const entries = await ledger(member);
      expect(entries.map((entry: { type: string; count: number }) => [entry.type, entry.count])).toEqual([
        ['purchase', 5],
        ['use', -2],
      ]);
      expect(entries[1]).toMatchObject({ purchaseId: first.id, reservationId: booking.body.id, endDate: null });
      expect((await http.get('/credits').query({ userId: member.user.id }).set('Authorization', other.auth)).status).toBe(403);
      const staff = await newStaff(app);
      const read = await http.get('/credits').query({ userId: member.user.id }).set('Authorization', staff.auth).expect(200);
      expect(read.body).toEqual(entries);
      expect(await ledger(other)).toEqual([]);
    });
  });

  describe('GET /credits/balance', () => {
    it('separates credits usable today from purchases that start later, and dates every bucket', async () => {
      const member = await newMember(app);
      const now = await buyCredits(app, member, { creditCount: 3, startDate: TODAY, periodDays: 30 });
      const later = await buyCredits(app, member, { creditCount: 5, startDate: '2030-01-15', periodDays: 10 });
      expect(await balance(member)).toEqual({
        balance: 8,
        available: 3,
        upcoming: 5,
        buckets: [
          { creditId: later.id, remaining: 5, startDate: '2030-01-15', endDate: '2030-01-25' },
          { creditId: now.id, remaining: 3, startDate: TODAY, endDate: '2030-02-09' },
        ],
      });

      clock.set('2030-01-14T15:00:00Z'); // 00:00 on the 15th in Seoul: the later purchase starts
      expect(await balance(member)).toMatchObject({ balance: 8, available: 8, upcoming: 0 });
    });

    it('refuses a booking with the credits usable on the lesson day, not the balance', async () => {
      const member = await newMember(app);
      await buyCredits(app, member, { creditCount: 1, startDate: TODAY, periodDays: 30 });
      await buyCredits(app, member, { creditCount: 5, startDate: '2030-01-20', periodDays: 10 });
      const lesson = await newLesson(app, { startDate: '2030-01-12', creditCount: 2 });
      const refused = await http.post(`/lessons/${lesson.id}/reservations`).set('Authorization', member.auth).expect(409);
      expect(refused.body).toMatchObject({ code: 'NOT_ENOUGH_CREDIT', message: 'The lesson costs 2 credits; 1 are usable for its date' });
      expect(await balance(member)).toMatchObject({ balance: 6, available: 1, upcoming: 5 });
    });
  });

  describe('expiry', () => {
    it('stops counting a purchase on its end date, before any expire entry is written', async () => {
      const member = await newMember(app);
      const short = await buyCredits(app, member, { creditCount: 5, startDate: TODAY, periodDays: 3 });
      const long = await buyCredits(app, member, { creditCount: 2, startDate: TODAY, periodDays: 30 });
      expect((await balance(member)).balance).toBe(7);
      clock.set('2030-01-12T14:59:00Z'); // 23:59 on the 12th in Seoul: the last valid minute
      expect((await balance(member)).balance).toBe(7);
      clock.set('2030-01-12T15:00:00Z'); // 00:00 on the 13th, the purchase's end date
      expect(await balance(member)).toEqual({
        balance: 2,
        available: 2,
        upcoming: 0,
        buckets: [{ creditId: long.id, remaining: 2, startDate: TODAY, endDate: '2030-02-09' }],
      });
      expect((await ledger(member)).map((entry: { type: string }) => entry.type)).toEqual(['purchase', 'purchase']);
      expect((await http.get('/users/me').set('Authorization', member.auth)).body.creditBalance).toBe(2);
      expect(short.endDate).toBe('2030-01-13');
    });

    it('writes one expire entry for what remained, and nothing on a second run', async () => {
      const member = await newMember(app);
      const purchase = await buyCredits(app, member, { creditCount: 5, startDate: TODAY, periodDays: 10 });
      const lesson = await newLesson(app, { startDate: '2030-01-15', creditCount: 2 });
      await http.post(`/lessons/${lesson.id}/reservations`).set('Authorization', member.auth).expect(201);
      const expiry = app.get(CreditExpiryService);
      await expect(expiry.expireDue()).resolves.toBe(0);
      clock.set('2030-01-20T01:00:00Z');
      await expect(expiry.expireDue()).resolves.toBe(1);
      await expect(expiry.expireDue()).resolves.toBe(0);
      const expired = (await ledger(member)).filter((entry: { type: string }) => entry.type === 'expire');
      expect(expired).toEqual([
        expect.objectContaining({
          count: -3,
          purchaseId: purchase.id,
          startDate: '2030-01-20',
          message: '3 credits expired on 2030-01-20',
        }),
      ]);
      expect((await balance(member)).balance).toBe(0);
      await expect(ledgerSum(member.user.id)).resolves.toBe(0);
    });

    it('writes each expiry once when several runs overlap', async () => {
      const members = [await newMember(app), await newMember(app), await newMember(app)];
      for (const member of members) await buyCredits(app, member, { creditCount: 4, startDate: TODAY, periodDays: 5 });
      const fullyUsed = await newMember(app);
      await buyCredits(app, fullyUsed, { creditCount: 2, startDate: TODAY, periodDays: 5 });
      const lesson = await newLesson(app, { startDate: '2030-01-12', creditCount: 2 });
      await http.post(`/lessons/${lesson.id}/reservations`).set('Authorization', fullyUsed.auth).expect(201);
      clock.set('2030-01-16T01:00:00Z');
      const expiry = app.get(CreditExpiryService);
      const written = await Promise.all([expiry.expireDue(), expiry.expireDue(), expiry.expireDue()]);
      expect(written.reduce((sum, count) => sum + count, 0)).toBe(3);
      for (const member of [...members, fullyUsed]) await expect(ledgerSum(member.user.id)).resolves.toBe(0);
    });
  });
});
