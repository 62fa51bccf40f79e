import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { User } from '@app/identity';
import { createTestApp, forkEm, type Member, newMember, newStaff, resetDatabase, useTestApp, withEnv } from '@app/testing';

const ACCOUNT_DISABLED = { statusCode: 401, code: 'ACCOUNT_DISABLED', message: expect.any(String) };

/** PATCH /users/:id: staff promote, demote, deactivate and reactivate accounts, on the record. */
describe('Account status, PATCH /users/:id (e2e)', () => {
  const { app, http } = useTestApp();

  const patch = (staff: Member, who: Member | number, body: object) =>
    http
      .patch(`/users/${typeof who === 'number' ? who : who.user.id}`)
      .set('Authorization', staff.auth)
      .send(body);
  const auditOf = async (staff: Member, userId: number) =>
    (await http.get('/audit').query({ entity: 'user', entityId: userId }).set('Authorization', staff.auth).expect(200)).body.items;
  const login = (who: Member, password = who.password) => http.post('/auth/login').send({ username: who.user.username, password });
  const activeStaff = async () => forkEm(app).count(User, { isStaff: true, isActive: true });

  it('promotes and demotes, answering the user with isActive, and records each change with what it changed', async () => {
    const [staff, member] = [await newStaff(app), await newMember(app)];
    const promoted = await patch(staff, member, { isStaff: true }).expect(200);
    expect(promoted.body).toEqual({
      id: member.user.id,
      username: member.user.username,
      phoneNumber: member.user.phoneNumber,
      email: null,
      isStaff: true,
      image: null,
      isActive: true,
    });
    await http.get('/audit').set('Authorization', member.auth).expect(200); // staff rights at once
    await patch(staff, member, { isStaff: true, isActive: true }).expect(200); // changes nothing, records nothing
    await patch(member, staff, { isStaff: false }).expect(200);
    await http.get('/audit').set('Authorization', staff.auth).expect(403);

    expect(await auditOf(member, member.user.id)).toEqual([
      expect.objectContaining({
        actor: { id: staff.user.id, username: staff.user.username },
        action: 'user.update',
        entity: 'user',
        entityId: member.user.id,
        before: { isStaff: false },
        after: { isStaff: true },
        reason: null,
      }),
    ]);
    expect(await auditOf(member, staff.user.id)).toEqual([
      expect.objectContaining({
        actor: expect.objectContaining({ id: member.user.id }),
        before: { isStaff: true },
        after: { isStaff: false },
      }),
    ]);
  });

  it('ends a deactivated member’s access at once: their next request, login and refresh; reactivation lets them back in', async () => {
    const [staff, member] = [await newStaff(app), await newMember(app)];
    const session = (await login(member).expect(200)).body;
    const me = (token: string) => http.get('/users/me').set('Authorization', `Bearer ${token}`);
    await me(session.accessToken).expect(200);

    const deactivated = await patch(staff, member, { isActive: false }).expect(200);
    expect(deactivated.body).toMatchObject({ id: member.user.id, isActive: false });
    // the member's page in the console says so
    expect((await http.get(`/users/${member.user.id}`).set('Authorization', staff.auth).expect(200)).body).toMatchObject({
      isActive: false,
    });
    expect((await http.get(`/users/${staff.user.id}`).set('Authorization', staff.auth).expect(200)).body).toMatchObject({ isActive: true });

    expect((await me(session.accessToken).expect(401)).body).toEqual(ACCOUNT_DISABLED);
    expect((await http.get('/users/me/bookings').set('Authorization', member.auth).expect(401)).body).toEqual(ACCOUNT_DISABLED);
    expect((await login(member).expect(401)).body).toEqual(ACCOUNT_DISABLED);
    // a wrong password is still only a wrong password: the refusal tells a guesser nothing
    expect((await login(member, 'not-the-password').expect(401)).body.code).toBe('INVALID_CREDENTIALS');
    expect((await http.post('/auth/refresh').send({ refreshToken: session.refreshToken }).expect(401)).body.code).toBe(
      'INVALID_REFRESH_TOKEN',
    );
    expect(await auditOf(staff, member.user.id)).toEqual([
      expect.objectContaining({ action: 'user.update', before: { isActive: true }, after: { isActive: false } }),
    ]);

    await patch(staff, member, { isActive: true }).expect(200);
    await me(session.accessToken).expect(200);
    const again = (await login(member).expect(200)).body;
    await me(again.accessToken).expect(200);
    await http.post('/auth/refresh').send({ refreshToken: again.refreshToken }).expect(200);
    expect((await auditOf(staff, member.user.id)).map((entry: { after: object }) => entry.after)).toEqual([
      { isActive: true },
      { isActive: false },
    ]);
  });

  it('takes staff rights from a deactivated staff member too', async () => {
    const [staff, other] = [await newStaff(app), await newStaff(app)];
    await patch(staff, other, { isActive: false }).expect(200);
    expect((await http.get('/users').set('Authorization', other.auth).expect(401)).body).toEqual(ACCOUNT_DISABLED);
    expect(await activeStaff()).toBe(1);
  });

  it('refuses to leave the gym without an active staff member (409 LAST_STAFF), recording nothing', async () => {
    const [staff, member] = [await newStaff(app), await newMember(app)];
    const inactiveStaff = await newStaff(app);
    await patch(staff, inactiveStaff, { isActive: false }).expect(200);
    for (const body of [{ isStaff: false }, { isActive: false }, { isStaff: false, isActive: false }]) {
      const res = await patch(staff, staff, body).expect(409);
      expect(res.body).toEqual({ statusCode: 409, code: 'LAST_STAFF', message: expect.any(String) });
    }
    expect(await auditOf(staff, staff.user.id)).toEqual([]);
    await http.get('/users').set('Authorization', staff.auth).expect(200);
    // with a second active staff member, either may step down
    await patch(staff, member, { isStaff: true }).expect(200);
    await patch(staff, staff, { isStaff: false }).expect(200);
    expect(await activeStaff()).toBe(1);
  });

  it('refuses one of two staff members demoting or deactivating each other at the same time', async () => {
    for (const body of [{ isStaff: false }, { isActive: false }]) {
      await resetDatabase(app);
      const [a, b] = [await newStaff(app), await newStaff(app)];
      // both requests start while this transaction holds both staff rows, so they truly overlap
      // (measured without the service's lock on the staff rows: both read two active staff members,
      // then InnoDB's deadlock between their updates made the retry see one; the lock makes the
      // refusal not depend on that)
      const holder = forkEm(app);
      await holder.begin();
      await holder.execute('select id from `user` where is_staff = 1 for update');
      const racing = Promise.all([patch(a, b, body).then((res) => res), patch(b, a, body).then((res) => res)]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await holder.commit();
      const [ab, ba] = await racing;
      expect([ab.status, ba.status].sort()).toEqual([200, 409]);
      expect([ab, ba].find((res) => res.status === 409)!.body.code).toBe('LAST_STAFF');
      expect(await activeStaff()).toBe(1);
    }
  });

  it('is for staff only, 404 for an unknown user, 400 for a bad body', async () => {
    const [staff, member] = [await newStaff(app), await newMember(app)];
    expect((await patch(member, member, { isStaff: true }).expect(403)).body.code).toBe('FORBIDDEN');
    expect((await patch(staff, 999_999, { isActive: false }).expect(404)).body.code).toBe('NOT_FOUND');
    for (const body of [{ isStaff: 'yes' }, { isActive: null }, { username: 'renamed' }])
      expect((await patch(staff, member, body).expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect(await forkEm(app).findOneOrFail(User, member.user.id)).toMatchObject({ isStaff: false, isActive: true });
  });
});

/** With Redis down, the denylist cannot answer: each request reads is_active instead, and no deactivation is half done. */
describe('Account status with Redis unreachable (e2e)', () => {
  let app: INestApplication;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    app = await withEnv({ REDIS_URL: 'redis://127.0.0.1:1' }, () => createTestApp()); // nothing listens on port 1
    http = request(app.getHttpServer());
  });
  beforeEach(() => resetDatabase(app));
  afterAll(() => app.close());

  it('still refuses a deactivated member’s token, with one statement more, and admits the others', async () => {
    const [member, other] = [await newMember(app), await newMember(app)];
    await forkEm(app).nativeUpdate(User, { id: member.user.id }, { isActive: false });
    const refused = await http.get('/users/me/bookings').set('Authorization', member.auth);
    expect({ status: refused.status, body: refused.body }).toEqual({ status: 401, body: ACCOUNT_DISABLED });
    const admitted = await http.get('/users/me/bookings').set('Authorization', other.auth).expect(200);
    expect(admitted.headers['x-query-count']).toBe('2'); // the route's one, and is_active
  });

  it('refuses a deactivation it could not make take effect at once, changing nothing (503)', async () => {
    const [staff, member] = [await newStaff(app), await newStaff(app)];
    const res = await http.patch(`/users/${member.user.id}`).set('Authorization', staff.auth).send({ isActive: false });
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 503, code: 'DEPENDENCY_DOWN' });
    expect(await forkEm(app).findOneOrFail(User, member.user.id)).toMatchObject({ isActive: true });
    const audit = await http.get('/audit').set('Authorization', staff.auth).expect(200);
    expect(audit.body.items).toEqual([]);
    await http.patch(`/users/${member.user.id}`).set('Authorization', staff.auth).send({ isStaff: false }).expect(200);
  });
});
