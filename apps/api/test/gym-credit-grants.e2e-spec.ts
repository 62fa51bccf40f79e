import { CreditExpiryService } from '@app/gym';
import { buyCredits, FakeClock, type Member, newLesson, newMember, newStaff, useTestApp } from '@app/testing';

// 2030-01-10 10:00 in Asia/Seoul
const TODAY = '2030-01-10';
const NOW = '2030-01-10T01:00:00Z';

/** POST /credits/grants: credits staff give a member, spent, counted and expired like a purchase. */
describe('Gym: credits granted by staff (e2e)', () => {
  const clock = new FakeClock(NOW);
  const { app, http } = useTestApp({ clock, beforeEach: () => clock.set(NOW) });

  const grant = (staff: Member, body: Record<string, unknown>) => http.post('/credits/grants').set('Authorization', staff.auth).send(body);
  const balance = async (member: Member) => (await http.get('/credits/balance').set('Authorization', member.auth).expect(200)).body;
  const auditOf = async (staff: Member, entity: string, entityId: number) =>
    (await http.get('/audit').query({ entity, entityId }).set('Authorization', staff.auth).expect(200)).body.items;

  it('writes a grant entry without a price policy, and the audit entry with the reason', async () => {
    const [staff, member] = [await newStaff(app), await newMember(app)];
    const body = {
      userId: member.user.id,
      creditCount: 3,
      startDate: TODAY,
      endDate: '2030-02-01',
      reason: 'The pool was closed on Monday',
    };
    const res = await grant(staff, body).expect(201);
    expect(res.body).toEqual({
      id: expect.any(Number),
      type: 'grant',
      count: 3,
      startDate: TODAY,
      endDate: '2030-02-01',
      pricePolicyId: null,
      reservationId: null,
      purchaseId: null,
      message: 'Granted: The pool was closed on Monday',
      createdAt: '2030-01-10T01:00:00.000Z',
    });
    const ledger = (await http.get('/credits').set('Authorization', member.auth).expect(200)).body;
    expect(ledger).toEqual([res.body]);
    expect(await auditOf(staff, 'credit', res.body.id)).toEqual([
      {
        id: expect.any(Number),
        actor: { id: staff.user.id, username: staff.user.username },
        action: 'credit.grant',
        entity: 'credit',
        entityId: res.body.id,
        before: null,
        after: { userId: member.user.id, creditCount: 3, startDate: TODAY, endDate: '2030-02-01' },
        reason: 'The pool was closed on Monday',
        createdAt: '2030-01-10T01:00:00.000Z',
      },
    ]);
  });

  it('is spent with the purchases, soonest ending first, and counted in the balance by its start date', async () => {
    const [staff, member] = [await newStaff(app), await newMember(app)];
    const purchase = await buyCredits(app, member, { creditCount: 5, startDate: TODAY, periodDays: 30 });
    const soon = (
      await grant(staff, { userId: member.user.id, creditCount: 2, startDate: TODAY, endDate: '2030-01-20', reason: 'sorry' }).expect(201)
    ).body;
    const later = (
      await grant(staff, { userId: member.user.id, creditCount: 4, startDate: '2030-01-12', endDate: '2030-03-01', reason: 'gift' }).expect(
        201,
      )
    ).body;
    expect(await balance(member)).toEqual({
      balance: 11,
      available: 7,
      upcoming: 4,
      buckets: [
        { creditId: soon.id, remaining: 2, startDate: TODAY, endDate: '2030-01-20' },
        { creditId: purchase.id, remaining: 5, startDate: TODAY, endDate: '2030-02-09' },
        { creditId: later.id, remaining: 4, startDate: '2030-01-12', endDate: '2030-03-01' },
      ],
    });

    const lesson = await newLesson(app, { startDate: '2030-01-15', creditCount: 3 });
    const booked = await http.post(`/lessons/${lesson.id}/reservations`).set('Authorization', member.auth).expect(201);
    expect(booked.body.credits.map((use: { purchaseId: number; count: number }) => [use.purchaseId, use.count])).toEqual([
      [soon.id, -2],
      [purchase.id, -1],
    ]);
    // a cancellation gives back to what was spent, the grant included
    await http.delete(`/reservations/${booked.body.id}`).set('Authorization', member.auth).expect(200);
    expect((await balance(member)).balance).toBe(11);
  });

  it('expires at its end date like a purchase: it stops counting, and the expiry writes its expire entry once', async () => {
    const [staff, member] = [await newStaff(app), await newMember(app)];
    const granted = (
      await grant(staff, { userId: member.user.id, creditCount: 2, startDate: TODAY, endDate: '2030-01-12', reason: 'trial' }).expect(201)
    ).body;
    clock.set('2030-01-12T01:00:00Z');
    expect((await balance(member)).balance).toBe(0);
    const expiry = app.get(CreditExpiryService);
    await expect(expiry.expireDue()).resolves.toBe(1);
    await expect(expiry.expireDue()).resolves.toBe(0);
    const ledger = (await http.get('/credits').set('Authorization', member.auth).expect(200)).body;
    expect(
      ledger.map((entry: { type: string; count: number; purchaseId: number | null }) => [entry.type, entry.count, entry.purchaseId]),
    ).toEqual([
      ['grant', 2, null],
      ['expire', -2, granted.id],
    ]);
  });

  it('refuses members, unknown members and bad bodies, writing nothing', async () => {
    const [staff, member] = [await newStaff(app), await newMember(app)];
    const good = { userId: member.user.id, creditCount: 1, startDate: TODAY, endDate: '2030-01-11', reason: 'ok' };
    expect((await grant(member, good).expect(403)).body.code).toBe('FORBIDDEN');
    expect((await grant(staff, { ...good, userId: 999_999 }).expect(404)).body.code).toBe('NOT_FOUND');
    const fieldsOf = async (body: Record<string, unknown>) => {
      const res = await grant(staff, body).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      return res.body.errors.map((error: { field: string }) => error.field).sort();
    };
    await expect(fieldsOf({ ...good, endDate: TODAY })).resolves.toEqual(['endDate']);
    await expect(fieldsOf({ ...good, endDate: '2030-01-09' })).resolves.toEqual(['endDate']);
    await expect(fieldsOf({ ...good, creditCount: 0 })).resolves.toEqual(['creditCount']);
    await expect(fieldsOf({ ...good, creditCount: 1001 })).resolves.toEqual(['creditCount']);
    await expect(fieldsOf({ ...good, reason: undefined })).resolves.toEqual(['reason']);
    await expect(fieldsOf({ ...good, reason: '   ' })).resolves.toEqual(['reason']);
    await expect(fieldsOf({ ...good, reason: '가'.repeat(501) })).resolves.toEqual(['reason']);
    await expect(fieldsOf({ ...good, pricePolicyId: 1 })).resolves.toEqual(['pricePolicyId']);
    await grant(staff, { ...good, creditCount: 1000, reason: '가'.repeat(500) }).expect(201);
    const ledger = (await http.get('/credits').set('Authorization', member.auth).expect(200)).body;
    expect(ledger.map((entry: { count: number }) => entry.count)).toEqual([1000]);
    expect((await http.get('/audit').query({ entity: 'credit' }).set('Authorization', staff.auth).expect(200)).body.items).toHaveLength(1);
  });
});
