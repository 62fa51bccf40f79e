import type request from 'supertest';
import { User } from '@app/identity';
import { QUEUE_DASHBOARD_PATH } from '@app/jobs';
import { forkEm, type Member, newCar, newMember, newStaff, useTestApp } from '@app/testing';

const DAY = '20261201';

/** Staff rights come from the database on staff routes and pages, not from the token's `staff` claim. */
describe('Staff rights read from the database (e2e)', () => {
  const { app, http } = useTestApp();

  const setStaff = (who: Member, isStaff: boolean) => forkEm(app).nativeUpdate(User, { id: who.user.id }, { isStaff });
  const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
  async function login(who: Member): Promise<request.Response> {
    return http.post('/auth/login').send({ username: who.user.username, password: who.password }).expect(200);
  }
  const sessionCookie = (res: request.Response, path: string): string =>
    ([] as string[])
      .concat(res.headers['set-cookie'] ?? [])
      .find((cookie) => cookie.includes(`Path=${path}`))!
      .split(';')[0];

  it('refuses a demoted staff member at once, with a token that still says staff', async () => {
    const staff = await newStaff(app);
    await http.get('/cars').set('Authorization', staff.auth).expect(200);
    await setStaff(staff, false);
    expect(claimsOf(staff.token).staff).toBe(true);
    const refused = await http.get('/cars').set('Authorization', staff.auth);
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({ statusCode: 403, code: 'FORBIDDEN', message: 'Only staff may do this' });
    const write = await http.post('/cars').set('Authorization', staff.auth).send({ carNumber: '12가3456', type: '1톤', palletCount: 1 });
    expect(write.status).toBe(403);
    // member routes still open: the token is valid, only the staff right is gone
    await http.get('/users/me').set('Authorization', staff.auth).expect(200);
  });

  it('lets a member promoted in the database through at once, with a token that says member', async () => {
    const member = await newMember(app);
    await http.get('/cars').set('Authorization', member.auth).expect(403);
    await setStaff(member, true);
    expect(claimsOf(member.token).staff).toBe(false);
    await http.get('/cars').set('Authorization', member.auth).expect(200);
  });

  it('signs the refreshed access token with the staff right the database has now', async () => {
    const staff = await newStaff(app);
    const { refreshToken } = (await login(staff)).body;
    await setStaff(staff, false);
    const renewed = await http.post('/auth/refresh').send({ refreshToken }).expect(200);
    expect(claimsOf(renewed.body.accessToken)).toMatchObject({ sub: staff.user.id, staff: false });
  });

  it('closes the queue dashboard to a demoted staff member, by bearer token and by session cookie', async () => {
    const staff = await newStaff(app);
    const cookie = sessionCookie(await login(staff), QUEUE_DASHBOARD_PATH);
    await http.get(QUEUE_DASHBOARD_PATH).set('Authorization', staff.auth).expect(200);
    await http.get(QUEUE_DASHBOARD_PATH).set('Cookie', cookie).expect(200);
    await setStaff(staff, false);
    const byToken = await http.get(QUEUE_DASHBOARD_PATH).set('Authorization', staff.auth);
    expect({ status: byToken.status, code: byToken.body.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
    const byCookie = await http.get(`${QUEUE_DASHBOARD_PATH}/api/queues`).set('Cookie', cookie);
    expect({ status: byCookie.status, code: byCookie.body.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
    const inBrowser = await http.get(QUEUE_DASHBOARD_PATH).set('Cookie', cookie).set('Accept', 'text/html');
    expect(inBrowser.status).toBe(403);
    expect(inBrowser.text).toContain('Staff only');
  });

  it('closes the printable release sheet to a demoted staff member holding the session cookie', async () => {
    const staff = await newStaff(app);
    const car = await newCar(app);
    const report = `/release/report?carId=${car.id}&ymd=${DAY}`;
    const cookie = sessionCookie(await login(staff), '/release');
    await http.get(report).set('Cookie', cookie).set('Accept', 'text/html').expect(200);
    await setStaff(staff, false);
    const inBrowser = await http.get(report).set('Cookie', cookie).set('Accept', 'text/html');
    expect(inBrowser.status).toBe(403);
    expect(inBrowser.text).toContain('Staff only');
    const asApi = await http.get(report).set('Cookie', cookie);
    expect({ status: asApi.status, code: asApi.body.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
  });

  it('costs staff routes one statement and member routes none', async () => {
    const staff = await newStaff(app);
    const member = await newMember(app);
    const task = await http.get('/tasks/email-00000000-0000-0000-0000-000000000000').set('Authorization', staff.auth).expect(404);
    expect(task.headers['x-query-count']).toBe('1');
    const refused = await http.get('/tasks/email-00000000-0000-0000-0000-000000000000').set('Authorization', member.auth).expect(403);
    expect(refused.headers['x-query-count']).toBe('1');
    const asMember = await http.get('/credits').set('Authorization', member.auth).expect(200);
    const asStaff = await http.get('/credits').set('Authorization', staff.auth).expect(200);
    expect([asMember.headers['x-query-count'], asStaff.headers['x-query-count']]).toEqual(['1', '1']);
  });
});
