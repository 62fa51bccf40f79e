import { buyCredits, FakeClock, type Member, newLesson, newMember, newStaff, useTestApp } from '@app/testing';

// 2030-01-10 10:00 in Asia/Seoul
const TODAY = '2030-01-10';
const NOW = '2030-01-10T01:00:00Z';
const FORBIDDEN = { statusCode: 403, code: 'FORBIDDEN', message: expect.any(String) };
const NOT_FOUND = { statusCode: 404, code: 'NOT_FOUND', message: expect.any(String) };

describe('Staff read a member’s balance and bookings (e2e)', () => {
  const clock = new FakeClock(NOW);
  const { app, http } = useTestApp({ clock, beforeEach: () => clock.set(NOW) });

  const get = (who: Member, url: string) => http.get(url).set('Authorization', who.auth);
  const book = async (member: Member, lessonId: number): Promise<number> =>
    (await http.post(`/lessons/${lessonId}/reservations`).set('Authorization', member.auth).expect(201)).body.id;

  describe('GET /credits/balance?userId=', () => {
    it('gives staff a member’s balance, the same as the member sees', async () => {
      const [member, staff] = [await newMember(app), await newStaff(app)];
      await buyCredits(app, member, { creditCount: 7, startDate: TODAY });
      await buyCredits(app, member, { creditCount: 3, startDate: '2030-02-01' });
      const own = (await get(member, '/credits/balance').expect(200)).body;
      expect(own).toMatchObject({ balance: 10, available: 7, upcoming: 3 });
      expect((await get(staff, `/credits/balance?userId=${member.user.id}`).expect(200)).body).toEqual(own);
      // staff's own balance without userId, and a member passing their own id
      expect((await get(staff, '/credits/balance').expect(200)).body).toMatchObject({ balance: 0, buckets: [] });
      expect((await get(member, `/credits/balance?userId=${member.user.id}`).expect(200)).body).toEqual(own);
    });

    it('refuses a member reading another member’s balance (403), an unknown id (404) and a bad id (400)', async () => {
      const [member, other, staff] = [await newMember(app), await newMember(app), await newStaff(app)];
      await buyCredits(app, other, { creditCount: 5, startDate: TODAY });
      const refused = await get(member, `/credits/balance?userId=${other.user.id}`);
      expect(refused.status).toBe(403);
      expect(refused.body).toEqual(FORBIDDEN);
      const unknown = await get(staff, `/credits/balance?userId=${other.user.id + 1000}`);
      expect(unknown.status).toBe(404);
      expect(unknown.body).toEqual(NOT_FOUND);
      // a member asking for an unknown id learns nothing: 403 before any lookup
      expect((await get(member, `/credits/balance?userId=${other.user.id + 1000}`)).status).toBe(403);
      for (const bad of ['0', 'abc', '-1', '1.5']) {
        const res = await get(staff, `/credits/balance?userId=${bad}`);
        expect(res.status).toBe(400);
        expect(res.body.code).toBe('VALIDATION_FAILED');
      }
      await get(staff, `/credits/balance?userId=${member.user.id}&extra=1`).expect(400);
    });
  });

  describe('GET /users/:id/bookings', () => {
    it('gives staff the page the member sees at /users/me/bookings, status and cursor included', async () => {
      const [member, staff] = [await newMember(app), await newStaff(app)];
      await buyCredits(app, member, { creditCount: 20, startDate: TODAY });
      const lessons = await Promise.all(
        ['2030-01-12', '2030-01-13', '2030-01-14'].map((startDate) => newLesson(app, { startDate, creditCount: 1 })),
      );
      const ids: number[] = [];
      for (const lesson of lessons) ids.push(await book(member, lesson.id));
      await http.delete(`/reservations/${ids[2]}`).set('Authorization', member.auth).expect(200);

      for (const query of ['', '?status=upcoming&limit=1', '?status=cancelled', '?status=past']) {
        const own = (await get(member, `/users/me/bookings${query}`).expect(200)).body;
        expect((await get(staff, `/users/${member.user.id}/bookings${query}`).expect(200)).body).toEqual(own);
        expect((await get(member, `/users/${member.user.id}/bookings${query}`).expect(200)).body).toEqual(own);
      }
      const first = (await get(staff, `/users/${member.user.id}/bookings?limit=1`).expect(200)).body;
      expect(first.items.map((item: { id: number }) => item.id)).toEqual([ids[0]]);
      const second = (await get(staff, `/users/${member.user.id}/bookings?limit=1&cursor=${first.nextCursor}`).expect(200)).body;
      expect(second).toEqual({ items: [expect.objectContaining({ id: ids[1], status: 'booked' })], nextCursor: null });
      expect((await get(staff, `/users/${member.user.id}/bookings?status=cancelled`)).body.items).toEqual([
        expect.objectContaining({ id: ids[2], status: 'cancelled', creditsRefunded: 1 }),
      ]);
    });

    it('refuses another member (403), an unknown id (404) and bad input (400); GET /users/:id still answers', async () => {
      const [member, other, staff] = [await newMember(app), await newMember(app), await newStaff(app)];
      const refused = await get(member, `/users/${other.user.id}/bookings`);
      expect(refused.status).toBe(403);
      expect(refused.body).toEqual(FORBIDDEN);
      const unknown = await get(staff, `/users/${other.user.id + 1000}/bookings`);
      expect(unknown.status).toBe(404);
      expect(unknown.body).toEqual(NOT_FOUND);
      for (const url of [
        `/users/abc/bookings`,
        `/users/${other.user.id}/bookings?status=soon`,
        `/users/${other.user.id}/bookings?limit=101`,
      ]) {
        const res = await get(staff, url);
        expect(res.status).toBe(400);
        expect(res.body.code).toBe('VALIDATION_FAILED');
      }
      expect((await get(staff, `/users/${other.user.id}/bookings?cursor=not-a-cursor`)).status).toBe(400);
      // the neighbouring routes keep their meaning
      expect((await get(staff, `/users/${other.user.id}`).expect(200)).body).toMatchObject({ id: other.user.id });
      await get(member, '/users/me/bookings').expect(200);
      expect((await get(staff, '/users?limit=5').expect(200)).body.items.length).toBeGreaterThan(0);
      await http.get(`/users/${other.user.id}/bookings`).expect(401);
    });
  });
});
