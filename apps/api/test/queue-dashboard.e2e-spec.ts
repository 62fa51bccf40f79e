import { newMember, newStaff, useTestApp } from '@app/testing';

describe('queue dashboard at /admin/queues (e2e)', () => {
  const { app, http } = useTestApp();

  it('refuses anonymous visitors with 401 and members with 403, in the error shape', async () => {
    const anonymous = await http.get('/admin/queues');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
    const member = await newMember(app);
    const refused = await http.get('/admin/queues').set('Authorization', member.auth);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('FORBIDDEN');
    expect((await http.get('/admin/queues/api/queues').set('Authorization', 'Bearer not.a.token')).status).toBe(401);
  });

  it('shows staff the board and every queue', async () => {
    const staff = await newStaff(app);
    const page = await http.get('/admin/queues').set('Authorization', staff.auth);
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/<title>[^<]*<\/title>/);
    const queues = await http.get('/admin/queues/api/queues').set('Authorization', staff.auth).expect(200);
    expect(queues.body.queues.map((queue: { name: string }) => queue.name).sort()).toEqual(['email', 'maintenance']);
  });

  it('opens in a browser with the session cookie that login sets for its path', async () => {
    const staff = await newStaff(app, { password: 'staff-password-1' });
    const login = await http.post('/auth/login').send({ username: staff.user.username, password: 'staff-password-1' }).expect(200);
    const cookies = ([] as string[]).concat(login.headers['set-cookie'] ?? []);
    const dashboardCookie = cookies.find((cookie) => /Path=\/admin\/queues/.test(cookie));
    expect(dashboardCookie).toMatch(/^access_token=[^;]+;.*HttpOnly.*SameSite=Lax/i);
    const page = await http.get('/admin/queues').set('Cookie', dashboardCookie!.split(';')[0]);
    expect(page.status).toBe(200);
    // the cookie alone does not open the JSON API
    expect((await http.get('/users/me').set('Cookie', dashboardCookie!.split(';')[0])).status).toBe(401);
  });
});
