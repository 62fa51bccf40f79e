import request from 'supertest';
import { forkEm, loadPallet, newCar, newOrderLists, useStaff, useTestApp } from '@app/testing';

const DAY = '20261201';
const NEXT_DAY = '20261202';

describe('Release: order lists and pallet loads (e2e)', () => {
  const { app, http } = useTestApp();
  const staff = useStaff(app);

  const list = (query: Record<string, string | number | boolean>) => http.get('/order-lists').query(query).set('Authorization', staff.auth);
  const ids = (res: request.Response): number[] => res.body.map((order: { id: number }) => order.id);
  const load = (palletId: number | string, body: object) =>
    http.put(`/pallets/${palletId}/orders`).set('Authorization', staff.auth).send(body);
  const storedLoad = async (palletId: number): Promise<number[]> =>
    (await forkEm(app).execute<{ id: number }[]>('select id from order_list where pallet_id = ? order by id', [palletId])).map(
      (row) => row.id,
    );
  const line = { ymd: DAY, code: 'A-1001', codeName: '생수 2L x 6', locationName: '강남점', count: 12 };

  describe('POST /order-lists', () => {
    it('records a batch of lines, none on a pallet yet', async () => {
      const res = await http
        .post('/order-lists')
        .set('Authorization', staff.auth)
        .send([line, { ...line, ymd: NEXT_DAY, code: 'B-2', count: 1 }])
        .expect(201);
      expect(res.body).toEqual([
        { id: expect.any(Number), ...line, palletId: null },
        { id: expect.any(Number), ...line, ymd: NEXT_DAY, code: 'B-2', count: 1, palletId: null },
      ]);
      expect(ids(await list({ ymd: DAY }))).toEqual([res.body[0].id]);
    });

    it('validates every element and names it, writing nothing', async () => {
      const res = await http
        .post('/order-lists')
        .set('Authorization', staff.auth)
        .send([line, { ...line, count: 0 }, { ...line, ymd: '20261345', extra: true }, 'text']);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      expect(res.body.errors).toEqual([
        { field: '1.count', messages: ['count must not be less than 1'] },
        { field: '2.extra', messages: ['property extra should not exist'] },
        { field: '2.ymd', messages: ['ymd must be a date as YYYYMMDD'] },
        { field: '3', messages: ['3 must be an object'] },
      ]);
      const missing = await http
        .post('/order-lists')
        .set('Authorization', staff.auth)
        .send([{ ymd: DAY }]);
      expect(missing.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
        '0.code',
        '0.codeName',
        '0.count',
        '0.locationName',
      ]);
      expect((await list({ ymd: DAY })).body).toEqual([]);
    });

    it.each([
      ['an object', line],
      ['an empty array', []],
      ['too many lines', Array.from({ length: 1001 }, () => line)],
    ])('refuses %s as the body with 400', async (_case, body) => {
      const res = await http.post('/order-lists').set('Authorization', staff.auth).send(body);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([
        { field: 'body', messages: [expect.stringMatching(/^body must (be an array|contain from 1 to 1000 elements)$/)] },
      ]);
    });
  });

  describe('GET /order-lists', () => {
    it("filters a day's lines by pallet and by loaded or not", async () => {
      const car = await newCar(app, { palletCount: 2 });
      const [p1, p2] = car.pallets.getItems();
      const [a, b, c, d] = await newOrderLists(app, DAY, [{}, {}, {}, {}]);
      const [e] = await newOrderLists(app, NEXT_DAY, [{}]);
      await loadPallet(app, p1.id, DAY, [a, c]);
      await loadPallet(app, p2.id, DAY, [b]);
      await loadPallet(app, p1.id, NEXT_DAY, [e]);
      expect(ids(await list({ ymd: DAY }).expect(200))).toEqual([a.id, b.id, c.id, d.id]);
      expect(
        (await list({ ymd: DAY, palletId: p1.id })).body.map((order: { id: number; palletId: number }) => [order.id, order.palletId]),
      ).toEqual([
        [a.id, p1.id],
        [c.id, p1.id],
      ]);
      expect(ids(await list({ ymd: DAY, unloaded: true }))).toEqual([d.id]);
      expect(ids(await list({ ymd: DAY, unloaded: false }))).toEqual([a.id, b.id, c.id]);
      expect(ids(await list({ ymd: NEXT_DAY, palletId: p1.id }))).toEqual([e.id]);
      expect(ids(await list({ ymd: NEXT_DAY, unloaded: true }))).toEqual([]);
    });

    it.each([
      ['no day', {}, 'ymd'],
      ['an impossible day', { ymd: '20261345' }, 'ymd'],
      ['a non-numeric pallet', { ymd: DAY, palletId: 'abc' }, 'palletId'],
      ['a fractional pallet', { ymd: DAY, palletId: '1.5' }, 'palletId'],
      ['a flag that is not true or false', { ymd: DAY, unloaded: 'yes' }, 'unloaded'],
      ['a pallet with unloaded=true', { ymd: DAY, palletId: 1, unloaded: true }, 'unloaded'],
    ])('refuses %s with 400 naming the parameter', async (_case, query, field) => {
      const res = await list(query);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((error: { field: string }) => error.field)).toEqual([field]);
    });
  });

  describe('PUT /pallets/:id/orders', () => {
    it("makes the day's load exactly the given lines, leaving other days alone", async () => {
      const car = await newCar(app, { palletCount: 2 });
      const [p1] = car.pallets.getItems();
      const [a, b, c] = await newOrderLists(app, DAY, [{}, {}, {}]);
      const [later] = await newOrderLists(app, NEXT_DAY, [{}]);
      await loadPallet(app, p1.id, NEXT_DAY, [later]);
      const first = await load(p1.id, { ymd: DAY, orderListIds: [b.id, a.id] }).expect(200);
      expect(first.body.map((order: { id: number; palletId: number }) => [order.id, order.palletId])).toEqual([
        [a.id, p1.id],
        [b.id, p1.id],
      ]);
      expect(first.body[0]).toEqual({
        id: a.id,
        ymd: DAY,
        code: a.code,
        codeName: a.codeName,
        locationName: a.locationName,
        count: a.count,
        palletId: p1.id,
      });
      await load(p1.id, { ymd: DAY, orderListIds: [b.id, c.id] }).expect(200);
      expect(await storedLoad(p1.id)).toEqual([b.id, c.id, later.id]);
      expect(ids(await list({ ymd: DAY, unloaded: true }))).toEqual([a.id]);
      expect((await load(p1.id, { ymd: DAY, orderListIds: [] }).expect(200)).body).toEqual([]);
      expect(await storedLoad(p1.id)).toEqual([later.id]);
    });

    it('moves a line loaded on another pallet', async () => {
      const car = await newCar(app, { palletCount: 2 });
      const [p1, p2] = car.pallets.getItems();
      const [a, b] = await newOrderLists(app, DAY, [{}, {}]);
      await loadPallet(app, p1.id, DAY, [a, b]);
      await load(p2.id, { ymd: DAY, orderListIds: [b.id] }).expect(200);
      expect([await storedLoad(p1.id), await storedLoad(p2.id)]).toEqual([[a.id], [b.id]]);
    });

    it('refuses unknown lines and lines of another day with 400, changing nothing', async () => {
      const car = await newCar(app);
      const [p1] = car.pallets.getItems();
      const [a, b] = await newOrderLists(app, DAY, [{}, {}]);
      const [other] = await newOrderLists(app, NEXT_DAY, [{}]);
      await loadPallet(app, p1.id, DAY, [a]);
      const otherDay = await load(p1.id, { ymd: DAY, orderListIds: [b.id, other.id] });
      expect(otherDay.body).toEqual({
        statusCode: 400,
        code: 'INVALID_ORDER_LIST',
        message: `Nothing was loaded: order lists ${other.id} are of another day`,
      });
      const unknown = await load(p1.id, { ymd: DAY, orderListIds: [b.id, 999999] });
      expect(unknown.body).toMatchObject({ statusCode: 400, code: 'INVALID_ORDER_LIST', message: expect.stringContaining('999999') });
      expect(await storedLoad(p1.id)).toEqual([a.id]);
      expect(ids(await list({ ymd: NEXT_DAY, unloaded: true }))).toEqual([other.id]);
    });

    it('answers 404 for an unknown pallet and 400 for a bad id or body', async () => {
      const [a] = await newOrderLists(app, DAY, [{}]);
      expect((await load(999999, { ymd: DAY, orderListIds: [a.id] })).body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
      const car = await newCar(app);
      const palletId = car.pallets.getItems()[0].id;
      expect((await load('abc', { ymd: DAY, orderListIds: [] })).body.errors).toEqual([
        { field: 'id', messages: ['id must be a positive integer'] },
      ]);
      const bad = await load(palletId, { ymd: '20261345', orderListIds: [a.id, a.id, 'x'] });
      expect(bad.body.errors.map((error: { field: string }) => error.field)).toEqual(['ymd', 'orderListIds']);
      expect((await load(palletId, { ymd: DAY })).body.errors.map((error: { field: string }) => error.field)).toEqual(['orderListIds']);
      expect(await storedLoad(palletId)).toEqual([]);
    });

    it('serialises loads of one pallet: racing loads leave exactly one of the requested sets', async () => {
      const car = await newCar(app, { palletCount: 1 });
      const palletId = car.pallets.getItems()[0].id;
      for (let round = 0; round < 3; round++) {
        const lines = await newOrderLists(
          app,
          DAY,
          Array.from({ length: 24 }, () => ({})),
        );
        const sets = Array.from({ length: 8 }, (_, i) => lines.slice(i * 3, i * 3 + 3).map((order) => order.id));
        const results = await Promise.all(sets.map((set) => load(palletId, { ymd: DAY, orderListIds: set })));
        expect(results.map((res) => res.status)).toEqual(sets.map(() => 200));
        const final = await storedLoad(palletId);
        expect(sets).toContainEqual(final);
      }
    });
  });
});
