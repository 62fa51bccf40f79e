import type { INestApplication } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import request from 'supertest';
import { EMAIL_QUEUE } from '@app/jobs';
import {
  buyCredits,
  createTestApp,
  FakeClock,
  type Member,
  newLesson,
  newMember,
  newPricePolicy,
  newStaff,
  forkEm,
  resetDatabase,
} from '@app/testing';
import { IDEMPOTENCY_KEYS_PER_HOUR, IdempotencyKey } from '@app/core';

// 2030-01-10 10:00 in Asia/Seoul
const TODAY = '2030-01-10';
const NOW = '2030-01-10T01:00:00Z';
const KEY = 'Idempotency-Key';

describe('Idempotency-Key on the routes that change things (e2e)', () => {
  const clock = new FakeClock(NOW);
  let app: INestApplication;
  let http: ReturnType<typeof request>;
  let policyId: number;

  beforeAll(async () => {
    app = await createTestApp({ clock });
    http = request(app.getHttpServer());
  });
  beforeEach(async () => {
    clock.set(NOW);
    await resetDatabase(app);
    policyId = (await newPricePolicy(app, { creditCount: 10 })).id;
  });
  afterAll(async () => {
    await app.get<Queue>(getQueueToken(EMAIL_QUEUE)).obliterate({ force: true });
    await app.close();
  });

  const purchase = (member: Member, key: string | undefined, startDate = TODAY) => {
    const req = http.post('/credits').set('Authorization', member.auth);
    if (key !== undefined) req.set(KEY, key);
    return req.send({ pricePolicyId: policyId, startDate });
  };
  const ledger = async (member: Member): Promise<{ id: number; type: string }[]> =>
    (await http.get('/credits').set('Authorization', member.auth).expect(200)).body;
  const purchases = async (member: Member) => (await ledger(member)).filter((entry) => entry.type === 'purchase');

  it('buys once when a purchase is repeated with the same key, and answers the same', async () => {
    const member = await newMember(app);
    const first = await purchase(member, 'buy-1').expect(201);
    const again = await purchase(member, 'buy-1').expect(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    await expect(purchases(member)).resolves.toEqual([expect.objectContaining({ id: first.body.id })]);
  });

  it('refuses the same key with another body with 422 IDEMPOTENCY_KEY_REUSED and changes nothing', async () => {
    const member = await newMember(app);
    await purchase(member, 'buy-2').expect(201);
    const res = await purchase(member, 'buy-2', '2030-01-11');
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ statusCode: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
    await expect(purchases(member)).resolves.toHaveLength(1);
  });

  it('runs five parallel repeats of one key exactly once', async () => {
    const member = await newMember(app);
    const answers = await Promise.all(Array.from({ length: 5 }, () => purchase(member, 'buy-parallel')));
    const created = answers.filter((res) => res.status === 201);
    expect(answers.every((res) => res.status === 201 || (res.status === 409 && res.body.code === 'IDEMPOTENCY_KEY_IN_PROGRESS'))).toBe(
      true,
    );
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((res) => res.body.id)).size).toBe(1);
    await expect(purchases(member)).resolves.toHaveLength(1);
  });

  it('returns the same reservation when a booking is retried, charging once', async () => {
    const member = await newMember(app);
    await buyCredits(app, member, { creditCount: 10, startDate: TODAY });
    const lesson = await newLesson(app, { startDate: '2030-01-20', creditCount: 2 });
    const book = () => http.post(`/lessons/${lesson.id}/reservations`).set('Authorization', member.auth).set(KEY, 'book-1');
    const first = await book().expect(201);
    const again = await book().expect(201);
    expect(again.body).toEqual(first.body);
    const balance = await http.get('/credits/balance').set('Authorization', member.auth).expect(200);
    expect(balance.body.balance).toBe(8);
  });

  it('answers the same cancelled booking again to a retried cancel without a second refund', async () => {
    const member = await newMember(app);
    await buyCredits(app, member, { creditCount: 10, startDate: TODAY });
    const lesson = await newLesson(app, { startDate: '2030-01-20', creditCount: 2 });
    const booked = await http.post(`/lessons/${lesson.id}/reservations`).set('Authorization', member.auth).expect(201);
    const cancel = () => http.delete(`/reservations/${booked.body.id}`).set('Authorization', member.auth).set(KEY, 'cancel-1');
    const first = await cancel().expect(200);
    const again = await cancel().expect(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect((await ledger(member)).filter((entry) => entry.type === 'refund')).toHaveLength(1);
    // without the key, a second cancel is the domain's refusal
    const plain = await http.delete(`/reservations/${booked.body.id}`).set('Authorization', member.auth);
    expect(plain.body.code).toBe('ALREADY_CANCELED');
  });

  it('replays a 4xx answer too: the first refusal stands for its key', async () => {
    const member = await newMember(app);
    const lesson = await newLesson(app, { startDate: '2030-01-20', creditCount: 2 });
    const book = () => http.post(`/lessons/${lesson.id}/reservations`).set('Authorization', member.auth).set(KEY, 'book-broke');
    expect((await book()).body.code).toBe('NOT_ENOUGH_CREDIT');
    await buyCredits(app, member, { creditCount: 10, startDate: TODAY });
    const again = await book();
    expect([again.status, again.body.code, again.headers['idempotent-replayed']]).toEqual([409, 'NOT_ENOUGH_CREDIT', 'true']);
    await http.post(`/lessons/${lesson.id}/reservations`).set('Authorization', member.auth).set(KEY, 'book-rich').expect(201);
  });

  it('keeps keys per user: another user with the same key is independent', async () => {
    const [one, two] = [await newMember(app), await newMember(app)];
    const first = await purchase(one, 'shared-key').expect(201);
    const second = await purchase(two, 'shared-key').expect(201);
    expect(second.body.id).not.toBe(first.body.id);
    expect(second.headers['idempotent-replayed']).toBeUndefined();
    await expect(purchases(one)).resolves.toHaveLength(1);
    await expect(purchases(two)).resolves.toHaveLength(1);
  });

  it('forgets a key after 24 hours', async () => {
    const member = await newMember(app);
    await purchase(member, 'buy-old', '2030-01-12').expect(201);
    clock.set('2030-01-11T00:59:00Z');
    expect((await purchase(member, 'buy-old', '2030-01-12')).headers['idempotent-replayed']).toBe('true');
    clock.set('2030-01-11T01:00:01Z');
    const later = await purchase(member, 'buy-old', '2030-01-12').expect(201);
    expect(later.headers['idempotent-replayed']).toBeUndefined();
    await expect(purchases(member)).resolves.toHaveLength(2);
  });

  it('replays a refusal for ten minutes only, then runs the request again', async () => {
    const member = await newMember(app);
    const refused = await purchase(member, 'buy-past', '2030-01-09').expect(400);
    clock.set('2030-01-10T01:09:59Z');
    const replayed = await purchase(member, 'buy-past', '2030-01-09').expect(400);
    expect(replayed.headers['idempotent-replayed']).toBe('true');
    expect(replayed.body).toEqual(refused.body);
    clock.set('2030-01-10T01:10:01Z');
    const rerun = await purchase(member, 'buy-past', '2030-01-09').expect(400);
    expect(rerun.headers['idempotent-replayed']).toBeUndefined();
  });

  it('caps new keys per member and hour with 429, while replays and other members go on', async () => {
    const [member, other] = [await newMember(app), await newMember(app)];
    const bought = await purchase(member, 'kept').expect(201);
    const now = new Date(NOW);
    const em = forkEm(app);
    const keys = Array.from({ length: IDEMPOTENCY_KEYS_PER_HOUR - 1 }, (_, n) =>
      em.create(IdempotencyKey, {
        userId: member.user.id,
        key: `filler-${n}`,
        requestHash: 'x'.repeat(64),
        createdAt: now,
        expiresAt: new Date(now.getTime() + 86_400_000),
      }),
    );
    await em.insertMany(IdempotencyKey, keys);

    const refused = await purchase(member, 'one-too-many');
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ statusCode: 429, code: 'TOO_MANY_REQUESTS' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    await expect(purchases(member)).resolves.toHaveLength(1);
    expect((await purchase(member, 'kept')).headers['idempotent-replayed']).toBe('true');
    expect(bought.status).toBe(201);
    await purchase(other, 'one-too-many').expect(201);

    clock.set('2030-01-10T02:00:01Z');
    await purchase(member, 'one-too-many').expect(201);
  });

  it('returns the same taskId when an email request is repeated', async () => {
    const staff = await newStaff(app);
    const send = () =>
      http
        .post('/emails')
        .set('Authorization', staff.auth)
        .set(KEY, 'mail-1')
        .send({ recipients: ['a@example.com'], subject: 'Hi', body: 'Hello' });
    const first = await send().expect(202);
    const again = await send().expect(202);
    expect(first.body.taskId).toEqual(expect.any(String));
    expect(again.body).toEqual(first.body);
  });

  it.each([
    ['empty', ''],
    ['too long', 'k'.repeat(256)],
    ['a control character', 'a\tb'],
  ])('refuses a %s key with 400 VALIDATION_FAILED naming the header', async (_name, value) => {
    const member = await newMember(app);
    const res = await purchase(member, value);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: KEY }] });
    await expect(purchases(member)).resolves.toHaveLength(0);
  });

  it('accepts a 255-character key and costs no statement without the header', async () => {
    const member = await newMember(app);
    const plain = await purchase(member, undefined).expect(201);
    const keyed = await purchase(member, 'k'.repeat(255)).expect(201);
    expect(Number(keyed.headers['x-query-count'])).toBeGreaterThan(Number(plain.headers['x-query-count']));
  });
});
