import { User } from '@app/identity';
import { FakeClock, forkEm, type Member, newMember, newPricePolicy, newStaff, useTestApp } from '@app/testing';

const TODAY = '2030-01-10';

/** PATCH /price-policies/:id: staff rename a membership or retire it from sale; what was bought keeps its terms. */
describe('Gym: staff editing a price policy (e2e)', () => {
  const { app, http } = useTestApp({ clock: new FakeClock('2030-01-10T01:00:00Z') });

  const edit = (who: Member, id: number, body: Record<string, unknown>) =>
    http.patch(`/price-policies/${id}`).set('Authorization', who.auth).send(body);
  const auditOf = async (staff: Member, id: number) =>
    (await http.get('/audit').query({ entity: 'price-policy', entityId: id }).set('Authorization', staff.auth).expect(200)).body.items;
  const names = (policies: { name: string }[]) => policies.map((policy) => policy.name);

  it('retires a policy: members no longer see it nor buy it, staff see it with isActive, and it can come back', async () => {
    const [staff, member] = [await newStaff(app), await newMember(app)];
    const trial = await newPricePolicy(app, { name: 'Trial', price: 10_000, creditCount: 1, periodDays: 7 });
    const month = await newPricePolicy(app, { name: 'Month', price: 100_000, creditCount: 10, periodDays: 30 });
    const bought = (
      await http.post('/credits').set('Authorization', member.auth).send({ pricePolicyId: trial.id, startDate: TODAY }).expect(201)
    ).body;

    const res = await edit(staff, trial.id, { isActive: false }).expect(200);
    expect(res.body).toEqual({ id: trial.id, name: 'Trial', price: 10_000, creditCount: 1, periodDays: 7, isActive: false });

    expect((await http.get('/price-policies').expect(200)).body).toEqual([
      { id: month.id, name: 'Month', price: 100_000, creditCount: 10, periodDays: 30 },
    ]);
    expect(names((await http.get('/price-policies').set('Authorization', member.auth).expect(200)).body)).toEqual(['Month']);
    expect((await http.get('/price-policies').set('Authorization', staff.auth).expect(200)).body).toEqual([
      { id: trial.id, name: 'Trial', price: 10_000, creditCount: 1, periodDays: 7, isActive: false },
      { id: month.id, name: 'Month', price: 100_000, creditCount: 10, periodDays: 30, isActive: true },
    ]);
    const refused = await http.post('/credits').set('Authorization', member.auth).send({ pricePolicyId: trial.id, startDate: TODAY });
    expect(refused.body).toEqual({ statusCode: 409, code: 'POLICY_RETIRED', message: 'This membership is no longer on sale' });
    // what was bought before stays as it was
    expect((await http.get('/credits/balance').set('Authorization', member.auth).expect(200)).body.buckets).toEqual([
      { creditId: bought.id, remaining: 1, startDate: TODAY, endDate: '2030-01-17' },
    ]);

    await edit(staff, trial.id, { isActive: true, name: 'Trial week' }).expect(200);
    expect(names((await http.get('/price-policies').expect(200)).body)).toEqual(['Trial week', 'Month']);
    await http.post('/credits').set('Authorization', member.auth).send({ pricePolicyId: trial.id, startDate: TODAY }).expect(201);

    expect(await auditOf(staff, trial.id)).toEqual([
      expect.objectContaining({
        action: 'price-policy.update',
        before: { name: 'Trial', isActive: false },
        after: { name: 'Trial week', isActive: true },
      }),
      expect.objectContaining({
        actor: { id: staff.user.id, username: staff.user.username },
        action: 'price-policy.update',
        before: { isActive: true },
        after: { isActive: false },
      }),
    ]);
  });

  it('never changes price, credits or period, and refuses members and unknown policies', async () => {
    const [staff, member] = [await newStaff(app), await newMember(app)];
    const policy = await newPricePolicy(app, { name: 'Month' });
    for (const body of [{ price: 1 }, { creditCount: 99 }, { periodDays: 1 }, { name: '' }, { name: 'x'.repeat(101) }, { isActive: 'no' }])
      expect((await edit(staff, policy.id, body).expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect((await edit(member, policy.id, { isActive: false }).expect(403)).body.code).toBe('FORBIDDEN');
    expect((await edit(staff, 999_999, { isActive: false }).expect(404)).body.code).toBe('NOT_FOUND');
    expect((await http.get('/price-policies').set('Authorization', staff.auth).expect(200)).body).toEqual([
      { id: policy.id, name: 'Month', price: 100_000, creditCount: 10, periodDays: 30, isActive: true },
    ]);
    expect(await auditOf(staff, policy.id)).toEqual([]);
  });

  it('decides who sees retired policies by the database, in the one statement of the list', async () => {
    const [staff, member] = [await newStaff(app), await newMember(app)];
    const policy = await newPricePolicy(app, { name: 'Old' });
    await edit(staff, policy.id, { isActive: false }).expect(200);
    await forkEm(app).nativeUpdate(User, { id: staff.user.id }, { isStaff: false });
    await forkEm(app).nativeUpdate(User, { id: member.user.id }, { isStaff: true });
    const demoted = await http.get('/price-policies').set('Authorization', staff.auth).expect(200);
    expect(demoted.body).toEqual([]);
    const promoted = await http.get('/price-policies').set('Authorization', member.auth).expect(200);
    expect(names(promoted.body)).toEqual(['Old']);
    expect([demoted.headers['x-query-count'], promoted.headers['x-query-count']]).toEqual(['1', '1']);
  });

  it('records the creation of policies and lessons by staff', async () => {
    const staff = await newStaff(app);
    const policy = (
      await http
        .post('/price-policies')
        .set('Authorization', staff.auth)
        .send({ name: 'Year', price: 900_000, creditCount: 120, periodDays: 365 })
        .expect(201)
    ).body;
    expect(await auditOf(staff, policy.id)).toEqual([
      expect.objectContaining({
        actor: { id: staff.user.id, username: staff.user.username },
        action: 'price-policy.create',
        before: null,
        after: { name: 'Year', price: 900_000, creditCount: 120, periodDays: 365, isActive: true },
      }),
    ]);
    const lessonBody = {
      gym: 'busan',
      type: 'swim',
      creditCount: 2,
      maxCapacity: 8,
      startDate: '2030-01-20',
      startTime: '07:00',
      endTime: '08:00',
    };
    const lesson = (await http.post('/lessons').set('Authorization', staff.auth).send(lessonBody).expect(201)).body;
    const entries = (await http.get('/audit').query({ entity: 'lesson', entityId: lesson.id }).set('Authorization', staff.auth).expect(200))
      .body.items;
    expect(entries).toEqual([expect.objectContaining({ action: 'lesson.create', entityId: lesson.id, before: null, after: lessonBody })]);
  });
});
