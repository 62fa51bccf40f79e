import request from 'supertest';
import { buyCredits, FakeClock, newLesson, newMember, newStaff, useTestApp } from '@app/testing';

const TODAY = '2030-01-10';

describe('Gym: price policies and lessons (e2e)', () => {
  const { app, http } = useTestApp({ clock: new FakeClock('2030-01-10T01:00:00Z') });

  const lessonBody = {
    gym: 'seoul',
    type: 'yoga',
    creditCount: 2,
    maxCapacity: 10,
    startDate: '2030-01-15',
    startTime: '19:00',
    endTime: '20:00',
  };

  describe('price policies', () => {
    it('lets staff create them and anyone list them, cheapest first', async () => {
      const staff = await newStaff(app);
      const created = await http
        .post('/price-policies')
        .set('Authorization', staff.auth)
        .send({ name: '30 classes, 90 days', price: 390000, creditCount: 30, periodDays: 90 })
        .expect(201);
      expect(created.body).toEqual({ id: expect.any(Number), name: '30 classes, 90 days', price: 390000, creditCount: 30, periodDays: 90 });
      await http
        .post('/price-policies')
        .set('Authorization', staff.auth)
        .send({ name: 'Trial', price: 20000, creditCount: 1, periodDays: 7 })
        .expect(201);
      const list = await http.get('/price-policies').expect(200);
      expect(list.body.map((policy: { name: string }) => policy.name)).toEqual(['Trial', '30 classes, 90 days']);
    });

    it('refuses members (403) and bad numbers (400)', async () => {
      const member = await newMember(app);
      const body = { name: 'Cheap', price: 1, creditCount: 1, periodDays: 1 };
      expect((await http.post('/price-policies').set('Authorization', member.auth).send(body)).status).toBe(403);
      const staff = await newStaff(app);
      const bad = await http
        .post('/price-policies')
        .set('Authorization', staff.auth)
        .send({ ...body, price: -5, creditCount: 0, periodDays: 1.5 });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['creditCount', 'periodDays', 'price']);
    });
  });

  describe('lessons', () => {
    it('lets staff schedule a lesson', async () => {
      const staff = await newStaff(app);
      const res = await http.post('/lessons').set('Authorization', staff.auth).send(lessonBody).expect(201);
      expect(res.body).toEqual({ id: expect.any(Number), ...lessonBody, reservedCount: 0 });
    });

    it('refuses an end time that is not after the start time with 400 INVALID_END_TIME', async () => {
      const staff = await newStaff(app);
      for (const endTime of ['19:00', '18:59']) {
        const res = await http
          .post('/lessons')
          .set('Authorization', staff.auth)
          .send({ ...lessonBody, endTime });
        expect(res.status).toBe(400);
        expect(res.body).toEqual({ statusCode: 400, code: 'INVALID_END_TIME', message: 'endTime must be after startTime' });
      }
    });

    it('refuses members, unknown gyms and impossible dates and times', async () => {
      const member = await newMember(app);
      expect((await http.post('/lessons').set('Authorization', member.auth).send(lessonBody)).status).toBe(403);
      const staff = await newStaff(app);
      const bad = await http
        .post('/lessons')
        .set('Authorization', staff.auth)
        .send({ ...lessonBody, gym: 'daegu', startDate: '2030-02-30', startTime: '24:00' });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['gym', 'startDate', 'startTime']);
    });

    it('lists the schedule by start date and time, filtered, in cursor pages that skip and repeat nothing', async () => {
      const created = [];
      for (const [startDate, startTime, gym, type] of [
        ['2030-01-12', '19:00', 'seoul', 'yoga'],
        ['2030-01-11', '07:00', 'busan', 'swim'],
        ['2030-01-11', '19:00', 'seoul', 'yoga'],
        ['2030-01-11', '07:00', 'seoul', 'weight'],
        ['2030-01-13', '07:00', 'seoul', 'yoga'],
      ] as const) {
        created.push(
          await newLesson(app, {
            startDate,
            startTime,
            endTime: startTime === '07:00' ? '08:00' : '20:00',
            gym: gym as never,
            type: type as never,
          }),
        );
      }
      const seen: number[] = [];
      let cursor: string | null = null;
      do {
        const page: request.Response = await http
          .get('/lessons')
          .query({ limit: 2, ...(cursor ? { cursor } : {}) })
          .expect(200);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.body.items.map((lesson: { id: number }) => lesson.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual([created[1].id, created[3].id, created[2].id, created[0].id, created[4].id]);

      const filtered = await http.get('/lessons').query({ from: '2030-01-12', gym: 'seoul', type: 'yoga' }).expect(200);
      expect(filtered.body).toEqual({
        items: [expect.objectContaining({ id: created[0].id }), expect.objectContaining({ id: created[4].id })],
        nextCursor: null,
      });
      const window = await http.get('/lessons').query({ from: '2030-01-11', to: '2030-01-11' }).expect(200);
      expect(window.body.items).toHaveLength(3);
    });

    it("starts the schedule at today in the gym's calendar unless from says otherwise", async () => {
      const yesterday = await newLesson(app, { startDate: '2030-01-09' });
      const today = await newLesson(app, { startDate: TODAY, startTime: '06:00', endTime: '07:00' });
      const ids = (res: request.Response) => res.body.items.map((lesson: { id: number }) => lesson.id);
      expect(ids(await http.get('/lessons').expect(200))).toEqual([today.id]);
      expect(ids(await http.get('/lessons').query({ from: '2030-01-01' }).expect(200))).toEqual([yesterday.id, today.id]);
    });

    it('refuses a forged cursor and an out-of-range limit with 400', async () => {
      expect((await http.get('/lessons').query({ cursor: 'not-a-cursor' })).body.errors).toEqual([
        { field: 'cursor', messages: ['cursor is not a cursor this endpoint issued'] },
      ]);
      expect((await http.get('/lessons').query({ limit: 101 })).status).toBe(400);
      expect((await http.get('/lessons').query({ limit: 'ten' })).status).toBe(400);
    });

    it("shows a member only their own reservation records, and staff everyone's with phone numbers", async () => {
      const member = await newMember(app, { phoneNumber: '010-5555-1234' });
      await buyCredits(app, member, { creditCount: 5, startDate: TODAY });
      const lesson = await newLesson(app, { startDate: '2030-01-15' });
      const neighbour = await newMember(app, { phoneNumber: '010-7777-0000' });
      await buyCredits(app, neighbour, { creditCount: 5, startDate: TODAY });
      await http.post(`/lessons/${lesson.id}/reservations`).set('Authorization', neighbour.auth).expect(201);
      const booking = await http.post(`/lessons/${lesson.id}/reservations`).set('Authorization', member.auth).expect(201);
      const asMember = await http.get(`/lessons/${lesson.id}`).set('Authorization', member.auth).expect(200);
      expect(asMember.body.reservations).toEqual([
        {
          id: booking.body.id,
          type: 'reserve',
          createdAt: expect.any(String),
          canceledAt: null,
          user: { id: member.user.id, username: member.user.username },
        },
      ]);
      expect(asMember.body.reservedCount).toBe(2);
      const stranger = await newMember(app);
      const asStranger = await http.get(`/lessons/${lesson.id}`).set('Authorization', stranger.auth).expect(200);
      expect(asStranger.body).toMatchObject({ id: lesson.id, reservedCount: 2, reservations: [] });
      const staff = await newStaff(app);
      const asStaff = await http.get(`/lessons/${lesson.id}`).set('Authorization', staff.auth).expect(200);
      expect(asStaff.body.reservations.map((entry: { user: unknown }) => entry.user)).toEqual([
        { id: neighbour.user.id, username: neighbour.user.username, phoneNumber: '010-7777-0000' },
        { id: member.user.id, username: member.user.username, phoneNumber: '010-5555-1234' },
      ]);
      await http.get(`/lessons/${lesson.id}`).expect(401);
      await http.get('/lessons/424242').set('Authorization', staff.auth).expect(404);
    });
  });
});
