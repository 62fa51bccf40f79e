import { buyCredits, FakeClock, type Member, newLesson, newMember, useTestApp } from '@app/testing';

// 2030-01-10 10:00 in Asia/Seoul
const TODAY = '2030-01-10';
const NOW = '2030-01-10T01:00:00Z';

interface Listed {
  id: number;
  status: string;
  lesson: { id: number; startDate: string; startTime: string };
  bookedAt: string;
  cancelledAt: string | null;
  creditsSpent: number;
  creditsRefunded: number | null;
}

describe('Gym: a member’s bookings, GET /users/me/bookings (e2e)', () => {
  const clock = new FakeClock(NOW);
  const { app, http } = useTestApp({ clock, beforeEach: () => clock.set(NOW) });

  const book = async (member: Member, lessonId: number): Promise<number> =>
    (await http.post(`/lessons/${lessonId}/reservations`).set('Authorization', member.auth).expect(201)).body.id;
  const list = async (member: Member, query: Record<string, string | number> = {}) =>
    (await http.get('/users/me/bookings').query(query).set('Authorization', member.auth).expect(200)).body as {
      items: Listed[];
      nextCursor: string | null;
    };
  /** Every item of a list, following the cursor `limit` items at a time. */
  const walk = async (member: Member, status: string, limit: number): Promise<Listed[]> => {
    const all: Listed[] = [];
    let cursor: string | null = null;
    do {
      const page = await list(member, { status, limit, ...(cursor ? { cursor } : {}) });
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return all;
  };

  it('lists upcoming bookings soonest first, past ones newest first, cancelled ones with their refund', async () => {
    const member = await newMember(app);
    await buyCredits(app, member, { creditCount: 20, startDate: TODAY, periodDays: 30 });
    const today = await newLesson(app, { startDate: TODAY, startTime: '12:00', endTime: '13:00', creditCount: 1 });
    const later = await newLesson(app, { startDate: '2030-01-20', startTime: '09:00', endTime: '10:00', creditCount: 2 });
    const sooner = await newLesson(app, { startDate: '2030-01-15', startTime: '18:00', endTime: '19:00', creditCount: 3 });
    const dropped = await newLesson(app, { startDate: '2030-01-18', creditCount: 4 });
    const todayId = await book(member, today.id);
    const laterId = await book(member, later.id);
    const soonerId = await book(member, sooner.id);
    const droppedId = await book(member, dropped.id);
    await http.delete(`/reservations/${droppedId}`).set('Authorization', member.auth).expect(200);
    const someoneElse = await newMember(app);
    await buyCredits(app, someoneElse, { creditCount: 5, startDate: TODAY });
    await book(someoneElse, later.id);

    const upcoming = await list(member);
    expect(upcoming.items.map((item) => item.id)).toEqual([todayId, soonerId, laterId]);
    expect(upcoming.items[1]).toEqual({
      id: soonerId,
      status: 'booked',
      lesson: expect.objectContaining({ id: sooner.id, startDate: '2030-01-15', startTime: '18:00' }),
      bookedAt: new Date(NOW).toISOString(),
      cancelledAt: null,
      creditsSpent: 3,
      creditsRefunded: null,
    });
    expect((await list(member, { status: 'past' })).items).toEqual([]);

    expect((await list(member, { status: 'cancelled' })).items).toEqual([
      expect.objectContaining({
        id: droppedId,
        status: 'cancelled',
        cancelledAt: new Date(NOW).toISOString(),
        creditsSpent: 4,
        creditsRefunded: 4,
      }),
    ]);

    clock.set('2030-01-10T03:00:00Z'); // 12:00 in Seoul: today's lesson has started
    expect((await list(member)).items.map((item) => item.id)).toEqual([soonerId, laterId]);
    expect((await list(member, { status: 'past' })).items.map((item) => item.id)).toEqual([todayId]);
    clock.set('2030-01-25T01:00:00Z');
    expect((await list(member)).items).toEqual([]);
    expect((await list(member, { status: 'past' })).items.map((item) => item.id)).toEqual([laterId, soonerId, todayId]);
  });

  it('pages with a cursor: every booking once, in order, whatever the page size', async () => {
    const member = await newMember(app);
    await buyCredits(app, member, { creditCount: 30, startDate: TODAY, periodDays: 30 });
    const ids: number[] = [];
    for (const day of ['2030-01-12', '2030-01-12', '2030-01-13', '2030-01-14', '2030-01-14']) {
      ids.push(await book(member, (await newLesson(app, { startDate: day, creditCount: 1 })).id));
    }
    for (const id of ids.slice(0, 3)) await http.delete(`/reservations/${id}`).set('Authorization', member.auth).expect(200);

    for (const limit of [1, 2, 100]) {
      expect((await walk(member, 'upcoming', limit)).map((item) => item.id)).toEqual(ids.slice(3));
      expect((await walk(member, 'cancelled', limit)).map((item) => item.id)).toEqual([ids[2], ids[1], ids[0]]);
    }
  });

  it('refuses an unknown status and a cursor it did not issue with 400', async () => {
    const member = await newMember(app);
    const status = await http.get('/users/me/bookings?status=soon').set('Authorization', member.auth).expect(400);
    expect(status.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ field: 'status' })] });
    const cursor = await http.get('/users/me/bookings?cursor=nope').set('Authorization', member.auth).expect(400);
    expect(cursor.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ field: 'cursor' })] });
    await http.get('/users/me/bookings').expect(401);
  });
});
