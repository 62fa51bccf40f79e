import { User } from '@app/identity';
import { buyCredits, FakeClock, forkEm, type Member, newMember, newStaff, useTestApp } from '@app/testing';

/** GET /users: the staff console's member directory, by username, with status and balance. */
describe('The member directory, GET /users (e2e)', () => {
  const clock = new FakeClock('2030-01-10T01:00:00Z'); // 10:00 in Seoul
  const { app, http } = useTestApp({ clock, beforeEach: () => clock.set('2030-01-10T01:00:00Z') });

  const list = async (staff: Member, query: Record<string, string | number | boolean> = {}) =>
    (await http.get('/users').query(query).set('Authorization', staff.auth).expect(200)).body;
  const names = (page: { items: { username: string }[] }) => page.items.map((item) => item.username);

  it('pages every account by username, each with its status, balance and creation time', async () => {
    const staff = await newStaff(app, { username: 'desk', phoneNumber: '010-9999-0000' });
    const kim = await newMember(app, { username: 'kim', phoneNumber: '010-1111-2222', email: 'kim@example.com' });
    const lee = await newMember(app, { username: 'lee' });
    await newMember(app, { username: 'park' });
    await buyCredits(app, kim, { creditCount: 10, startDate: '2030-01-10' });
    await buyCredits(app, kim, { creditCount: 4, startDate: '2030-02-01' }); // upcoming counts too
    await buyCredits(app, lee, { creditCount: 3, startDate: '2030-01-10', periodDays: 5 });
    // a staff grant counts like a purchase
    await http
      .post('/credits/grants')
      .set('Authorization', staff.auth)
      .send({ userId: kim.user.id, creditCount: 2, startDate: '2030-01-10', endDate: '2030-03-01', reason: 'welcome gift' })
      .expect(201);
    clock.set('2030-01-16T01:00:00Z'); // lee's purchase has expired

    const first = await list(staff, { limit: 2 });
    expect(first.items).toEqual([
      {
        id: staff.user.id,
        username: 'desk',
        phoneNumber: '010-9999-0000',
        email: null,
        isStaff: true,
        image: null,
        isActive: true,
        balance: 0,
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/),
      },
      {
        id: kim.user.id,
        username: 'kim',
        phoneNumber: '010-1111-2222',
        email: 'kim@example.com',
        isStaff: false,
        image: null,
        isActive: true,
        balance: 16,
        createdAt: expect.any(String),
      },
    ]);
    const second = await list(staff, { limit: 2, cursor: first.nextCursor });
    expect(second.items.map((item: { username: string; balance: number }) => [item.username, item.balance])).toEqual([
      ['lee', 0],
      ['park', 0],
    ]);
    expect(second.nextCursor).toBeNull();
  });

  it('searches a prefix of the username or of the phone number, case-insensitively and literally', async () => {
    const staff = await newStaff(app, { username: 'desk', phoneNumber: '02-555-0000' });
    await newMember(app, { username: 'Kim.Minji', phoneNumber: '010-1234-0001' });
    await newMember(app, { username: 'kimchi', phoneNumber: '010-5678-0002' });
    await newMember(app, { username: 'lee', phoneNumber: '010-1234-0003' });
    await newMember(app, { username: '010-1234-fan', phoneNumber: '011-0000-0004' }); // matches both ways, listed once
    await newMember(app, { username: 'a_b', phoneNumber: '011-0000-0005' });
    await newMember(app, { username: 'axb', phoneNumber: '011-0000-0006' });

    expect(names(await list(staff, { search: 'kim' }))).toEqual(['Kim.Minji', 'kimchi']);
    expect(names(await list(staff, { search: 'KIM.' }))).toEqual(['Kim.Minji']);
    expect(names(await list(staff, { search: '010-1234' }))).toEqual(['010-1234-fan', 'Kim.Minji', 'lee']);
    expect(names(await list(staff, { search: '010-1234', limit: 2 }))).toEqual(['010-1234-fan', 'Kim.Minji']);
    const rest = await list(staff, {
      search: '010-1234',
      limit: 2,
      cursor: (await list(staff, { search: '010-1234', limit: 2 })).nextCursor,
    });
    expect(rest).toEqual({ items: [expect.objectContaining({ username: 'lee' })], nextCursor: null });
    expect(names(await list(staff, { search: 'a_' }))).toEqual(['a_b']); // _ is no wildcard
    expect(names(await list(staff, { search: '%' }))).toEqual([]);
    expect(names(await list(staff, { search: 'nobody' }))).toEqual([]);
  });

  it('filters by staff and by status', async () => {
    const staff = await newStaff(app, { username: 'desk' });
    await newStaff(app, { username: 'coach' });
    const gone = await newMember(app, { username: 'gone' });
    await newMember(app, { username: 'here' });
    await forkEm(app).nativeUpdate(User, { id: gone.user.id }, { isActive: false });

    expect(names(await list(staff, { isStaff: true }))).toEqual(['coach', 'desk']);
    expect(names(await list(staff, { isStaff: false }))).toEqual(['gone', 'here']);
    expect(names(await list(staff, { isActive: false }))).toEqual(['gone']);
    expect(names(await list(staff, { isActive: true, isStaff: false, search: 'h' }))).toEqual(['here']);
    expect((await list(staff, { isActive: false })).items[0]).toMatchObject({ isActive: false });
  });

  it('reads a page of 2 and a page of 20, with balances, in the same three statements', async () => {
    const staff = await newStaff(app, { username: 'aaa-desk' });
    for (let i = 0; i < 20; i++) {
      const member = await newMember(app, { username: `m${String(i).padStart(2, '0')}` });
      await buyCredits(app, member, { creditCount: i + 1, startDate: '2030-01-10' });
    }
    const counts: string[] = [];
    for (const limit of [2, 20]) {
      const res = await http.get('/users').query({ limit, search: 'm' }).set('Authorization', staff.auth).expect(200);
      expect(res.body.items).toHaveLength(limit);
      expect(res.body.items[limit - 1].balance).toBe(limit);
      counts.push(res.headers['x-query-count']);
    }
    expect(counts).toEqual(['3', '3']);
  });

  it('is for staff only and refuses bad parameters', async () => {
    const [staff, member] = [await newStaff(app), await newMember(app)];
    expect((await http.get('/users').set('Authorization', member.auth).expect(403)).body.code).toBe('FORBIDDEN');
    await http.get('/users').expect(401);
    for (const query of [{ isStaff: 'yes' }, { isActive: 1 }, { limit: 101 }, { cursor: 'not-a-cursor' }, { search: '' }]) {
      const res = await http.get('/users').query(query).set('Authorization', staff.auth);
      expect({ query, status: res.status, code: res.body.code }).toEqual({ query, status: 400, code: 'VALIDATION_FAILED' });
    }
  });
});
