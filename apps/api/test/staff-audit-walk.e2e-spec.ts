import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import request from 'supertest';
import { EMAIL_QUEUE } from '@app/jobs';
import { buyCredits, FakeClock, type Member, newLesson, newMember, newStaff, useTestApp } from '@app/testing';

const TODAY = '2030-01-10';

interface Operation {
  responses: Record<string, { content?: Record<string, { examples?: Record<string, unknown> }> }>;
}

/** The staff writes walked below, by route, with the audit action each must leave. */
const WALKED: Record<string, string> = {
  'POST /price-policies': 'price-policy.create',
  'PATCH /price-policies/{id}': 'price-policy.update',
  'POST /lessons': 'lesson.create',
  'PATCH /lessons/{id}': 'lesson.update',
  'POST /credits/grants': 'credit.grant',
  'DELETE /reservations/{id}': 'reservation.cancel',
  'POST /lessons/{id}/cancel': 'lesson.cancel',
  'PATCH /users/{id}': 'user.update',
  'DELETE /feeds/{id}': 'feed.delete',
  'POST /polls/{id}/close': 'poll.close',
  'POST /cars': 'car.create',
  'POST /order-lists': 'order-list.create',
  'POST /order-lists/import': 'order-list.import',
  'PUT /pallets/{id}/orders': 'pallet.load',
  'POST /emails': 'mailing.send',
};

/**
 * Every staff write shows up in `GET /audit`: this test makes each one through HTTP, then reads the
 * log. It also reads the OpenAPI document: a write route that answers staff-only 403 and is not
 * walked here fails the test, so a new staff route cannot skip the audit log unnoticed.
 */
describe('Every staff write is in the audit log (e2e)', () => {
  const { app, http } = useTestApp({ clock: new FakeClock('2030-01-10T01:00:00Z') });

  it('walks every staff write and finds each in GET /audit, newest first, with its actor', async () => {
    const staff = await newStaff(app);
    const member = await newMember(app);
    await buyCredits(app, member, { creditCount: 10, startDate: TODAY });
    const as = (who: Member) => ({ Authorization: who.auth });
    const ok = (res: request.Response, status: number) => {
      expect({ status: res.status, body: res.status === status ? null : res.body }).toEqual({ status, body: null });
      return res.body;
    };

    const policy = ok(
      await http.post('/price-policies').set(as(staff)).send({ name: '5 classes', price: 50_000, creditCount: 5, periodDays: 30 }),
      201,
    );
    ok(await http.patch(`/price-policies/${policy.id}`).set(as(staff)).send({ isActive: false }), 200);
    const lesson = ok(
      await http.post('/lessons').set(as(staff)).send({
        gym: 'seoul',
        type: 'yoga',
        creditCount: 2,
        maxCapacity: 5,
        startDate: '2030-01-20',
        startTime: '19:00',
        endTime: '20:00',
      }),
      201,
    );
    ok(await http.patch(`/lessons/${lesson.id}`).set(as(staff)).send({ maxCapacity: 6 }), 200);
    ok(
      await http
        .post('/credits/grants')
        .set(as(staff))
        .send({ userId: member.user.id, creditCount: 3, startDate: TODAY, endDate: '2030-02-10', reason: 'apology for the broken shower' }),
      201,
    );
    const booking = ok(await http.post(`/lessons/${lesson.id}/reservations`).set(as(member)), 201);
    ok(await http.delete(`/reservations/${booking.id}`).query({ refund: 'full' }).set(as(staff)), 200);
    const other = await newLesson(app, { startDate: '2030-01-21' });
    ok(await http.post(`/lessons/${other.id}/reservations`).set(as(member)), 201);
    ok(await http.post(`/lessons/${other.id}/cancel`).set(as(staff)).send({ reason: 'the instructor is ill' }), 200);
    const someone = await newMember(app);
    ok(await http.patch(`/users/${someone.user.id}`).set(as(staff)).send({ isActive: false }), 200);
    const post = ok(await http.post('/feeds/posts').set(as(member)).send({ title: 'Selling my locker', body: 'cheap' }), 201);
    ok(await http.delete(`/feeds/${post.id}`).set(as(staff)), 204);
    const poll = ok(
      await http
        .post('/polls')
        .set(as(member))
        .send({ head: 'Sauna hours?', message: '', isAnonymousVote: false, isMultipleVote: false, questions: ['Late', 'Early'] }),
      201,
    );
    ok(await http.post(`/polls/${poll.id}/close`).set(as(staff)), 200);
    const car = ok(await http.post('/cars').set(as(staff)).send({ carNumber: '12가3456', type: '1톤 탑차', palletCount: 2 }), 201);
    const [line] = ok(
      await http
        .post('/order-lists')
        .set(as(staff))
        .send([{ ymd: '20300110', code: 'P-1', codeName: 'Protein bar', locationName: '강남점', count: 3 }]),
      201,
    );
    ok(
      await http
        .post('/order-lists/import')
        .set(as(staff))
        .set('Content-Type', 'text/csv')
        .send('ymd,code,codeName,locationName,count\n20300110,P-2,Water,강남점,12\n'),
      201,
    );
    const pallet = (await http.get(`/cars/${car.id}/pallets`).query({ ymd: '20300110' }).set(as(staff)).expect(200)).body[0];
    ok(
      await http
        .put(`/pallets/${pallet.id}/orders`)
        .set(as(staff))
        .send({ ymd: '20300110', orderListIds: [line.id] }),
      200,
    );
    ok(
      await http
        .post('/emails')
        .set(as(staff))
        .send({ recipients: ['all@example.com'], subject: 'Closed on Sunday', body: 'The gym is closed this Sunday.' }),
      202,
    );

    const entries = (await http.get('/audit').query({ limit: 100 }).set(as(staff)).expect(200)).body.items as {
      action: string;
      actor: { id: number };
      reason: string | null;
    }[];
    expect(entries.map((entry) => entry.action).reverse()).toEqual(Object.values(WALKED));
    expect(entries.every((entry) => entry.actor.id === staff.user.id)).toBe(true);
    expect(entries.find((entry) => entry.action === 'lesson.cancel')?.reason).toBe('the instructor is ill');
    expect(entries.find((entry) => entry.action === 'credit.grant')?.reason).toBe('apology for the broken shower');
    // no worker runs here: the mailing and the promotion emails stay queued; another file's worker must not send them
    await app.get<Queue>(getQueueToken(EMAIL_QUEUE)).obliterate({ force: true });
  });

  it('walks every write route that answers a staff-only 403', async () => {
    const doc = (await http.get('/swagger-json').expect(200)).body as { paths: Record<string, Record<string, Operation>> };
    const staffWrites = Object.entries(doc.paths)
      .flatMap(([path, methods]) =>
        Object.entries(methods)
          .filter(
            ([method, op]) =>
              method !== 'get' && Object.keys(op.responses['403']?.content?.['application/json']?.examples ?? {}).includes('FORBIDDEN'),
          )
          .map(([method]) => `${method.toUpperCase()} ${path}`),
      )
      .sort();
    expect(staffWrites).toEqual(Object.keys(WALKED).sort());
  });
});
