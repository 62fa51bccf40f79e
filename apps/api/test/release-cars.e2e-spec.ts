import request from 'supertest';
import { loadPallet, type Member, newCar, newMember, newOrderLists, useStaff, useTestApp } from '@app/testing';

const DAY = '20261201';
const NEXT_DAY = '20261202';

describe('Release: cars, pallets and release sheets (e2e)', () => {
  const { app, http } = useTestApp();
  const staff = useStaff(app);

  const get = (path: string, who: Member = staff) => http.get(path).set('Authorization', who.auth);
  const fields = (res: request.Response): string[] => res.body.errors.map((error: { field: string }) => error.field).sort();

  describe('access', () => {
    it.each([
      ['post', '/cars'],
      ['get', '/cars'],
      ['get', `/cars/1/pallets?ymd=${DAY}`],
      ['get', `/cars/1/release-sheet?ymd=${DAY}`],
      ['post', '/order-lists'],
      ['get', `/order-lists?ymd=${DAY}`],
      ['put', '/pallets/1/orders'],
      ['get', `/release/report?carId=1&ymd=${DAY}`],
    ] as const)('%s %s is for staff: 401 without a token, 403 for a member', async (method, path) => {
      const member = await newMember(app);
      expect((await http[method](path)).body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
      expect((await http[method](path).set('Authorization', member.auth)).body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
    });
  });

  describe('POST /cars', () => {
    it('creates the car with its pallets numbered 1..n', async () => {
      const res = await http
        .post('/cars')
        .set('Authorization', staff.auth)
        .send({ carNumber: '12가3456', type: '2.5톤 윙바디', palletCount: 4 })
        .expect(201);
      expect(res.body).toEqual({
        id: expect.any(Number),
        carNumber: '12가3456',
        type: '2.5톤 윙바디',
        palletCount: 4,
        pallets: [1, 2, 3, 4].map((seq) => ({ id: expect.any(Number), seq })),
      });
      expect(new Set(res.body.pallets.map((pallet: { id: number }) => pallet.id)).size).toBe(4);
    });

    it('refuses a taken car number with 409 CAR_NUMBER_TAKEN, also when requests race', async () => {
      const body = { carNumber: '34나5678', type: '1톤', palletCount: 2 };
      await http.post('/cars').set('Authorization', staff.auth).send(body).expect(201);
      const again = await http
        .post('/cars')
        .set('Authorization', staff.auth)
        .send({ ...body, type: '5톤' });
      expect(again.body).toEqual({ statusCode: 409, code: 'CAR_NUMBER_TAKEN', message: expect.stringContaining('34나5678') });
      const racing = await Promise.all(
        Array.from({ length: 5 }, () =>
          http
            .post('/cars')
            .set('Authorization', staff.auth)
            .send({ ...body, carNumber: '56다7890' }),
        ),
      );
      expect(racing.map((res) => res.status).sort()).toEqual([201, 409, 409, 409, 409]);
      const cars = (await get('/cars')).body;
      expect(cars.map((car: { carNumber: string }) => car.carNumber)).toEqual(['34나5678', '56다7890']);
      expect(cars.map((car: { palletCount: number }) => car.palletCount)).toEqual([2, 2]);
    });

    it('validates the body', async () => {
      const res = await http.post('/cars').set('Authorization', staff.auth).send({ carNumber: ' ', palletCount: 0, wheels: 4 });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(fields(res)).toEqual(['carNumber', 'palletCount', 'type', 'wheels']);
      const tooMany = await http.post('/cars').set('Authorization', staff.auth).send({ carNumber: 'x', type: 'y', palletCount: 61 });
      expect(fields(tooMany)).toEqual(['palletCount']);
      expect((await get('/cars')).body).toEqual([]);
    });
  });

  describe('GET /cars', () => {
    it('lists every car with its pallet count', async () => {
      const small = await newCar(app, { carNumber: 'A-1', palletCount: 1 });
      const big = await newCar(app, { carNumber: 'B-2', type: '11톤', palletCount: 12 });
      expect((await get('/cars').expect(200)).body).toEqual([
        { id: small.id, carNumber: 'A-1', type: '1톤 탑차', palletCount: 1 },
        { id: big.id, carNumber: 'B-2', type: '11톤', palletCount: 12 },
      ]);
    });
  });

  describe('GET /cars/:id/pallets', () => {
    it("counts each pallet's orders of that day only", async () => {
      const car = await newCar(app, { palletCount: 3 });
      const other = await newCar(app, { palletCount: 1 });
      const [p1, p2] = car.pallets.getItems();
      const today = await newOrderLists(app, DAY, [{}, {}, {}, {}]);
      const tomorrow = await newOrderLists(app, NEXT_DAY, [{}, {}]);
      await newOrderLists(app, DAY, [{}]); // unloaded
      await loadPallet(app, p1.id, DAY, today.slice(0, 3));
      await loadPallet(app, p2.id, DAY, today.slice(3));
      await loadPallet(app, p2.id, NEXT_DAY, tomorrow);
      const pallets = car.pallets.getItems().map((pallet) => pallet.id);
      expect((await get(`/cars/${car.id}/pallets?ymd=${DAY}`).expect(200)).body).toEqual([
        { id: pallets[0], seq: 1, orderCount: 3 },
        { id: pallets[1], seq: 2, orderCount: 1 },
        { id: pallets[2], seq: 3, orderCount: 0 },
      ]);
      expect(
        (await get(`/cars/${car.id}/pallets?ymd=${NEXT_DAY}`)).body.map((pallet: { orderCount: number }) => pallet.orderCount),
      ).toEqual([0, 2, 0]);
      expect((await get(`/cars/${other.id}/pallets?ymd=${DAY}`)).body).toEqual([
        { id: other.pallets.getItems()[0].id, seq: 1, orderCount: 0 },
      ]);
    });

    it('answers 404 for an unknown car and 400 for a bad id or day', async () => {
      expect((await get(`/cars/99999/pallets?ymd=${DAY}`)).body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
      const car = await newCar(app);
      for (const path of [
        `/cars/abc/pallets?ymd=${DAY}`,
        `/cars/0/pallets?ymd=${DAY}`,
        `/cars/${car.id}/pallets?ymd=20261345`,
        `/cars/${car.id}/pallets?ymd=2026-12-01`,
        `/cars/${car.id}/pallets`,
      ]) {
        const res = await get(path);
        expect({ path, status: res.status, code: res.body.code }).toEqual({ path, status: 400, code: 'VALIDATION_FAILED' });
      }
    });
  });

  describe('GET /cars/:id/release-sheet', () => {
    it("lists the car's loaded orders of the day by pallet seq, then location name", async () => {
      const car = await newCar(app, { palletCount: 3 });
      const other = await newCar(app, { palletCount: 1 });
      const [p1, p2, p3] = car.pallets.getItems();
      const orders = await newOrderLists(app, DAY, [
        { locationName: '서초점', code: 'A', count: 2 },
        { locationName: '강남점', code: 'B', count: 5 },
        { locationName: '마포점', code: 'C' },
        { locationName: '강남점', code: 'D' },
        { locationName: '가산점', code: 'E' },
        { locationName: '용산점', code: 'F' },
      ]);
      const [a, b, c, d, e] = orders; // the sixth is never loaded
      await loadPallet(app, p3.id, DAY, [a, b]);
      await loadPallet(app, p1.id, DAY, [c, d]);
      await loadPallet(app, other.pallets.getItems()[0].id, DAY, [e]);
      await loadPallet(app, p2.id, NEXT_DAY, await newOrderLists(app, NEXT_DAY, [{ code: 'G' }]));
      const res = await get(`/cars/${car.id}/release-sheet?ymd=${DAY}`).expect(200);
      expect(res.body.title).toBe('12월 01일 출하지시서');
      expect(
        res.body.rows.map((row: { palletSeq: number; locationName: string; code: string }) => [row.palletSeq, row.locationName, row.code]),
      ).toEqual([
        [1, '강남점', 'D'],
        [1, '마포점', 'C'],
        [3, '강남점', 'B'],
        [3, '서초점', 'A'],
      ]);
      expect(res.body.rows[2]).toEqual({
        id: b.id,
        ymd: DAY,
        code: 'B',
        codeName: b.codeName,
        locationName: '강남점',
        count: 5,
        palletId: p3.id,
        palletSeq: 3,
      });
    });

    it('gives an empty sheet for a day without loads, 404 for an unknown car, 400 for a bad day', async () => {
      const car = await newCar(app);
      expect((await get(`/cars/${car.id}/release-sheet?ymd=20270315`).expect(200)).body).toEqual({
        title: '03월 15일 출하지시서',
        rows: [],
      });
      expect((await get(`/cars/99999/release-sheet?ymd=${DAY}`)).status).toBe(404);
      expect((await get(`/cars/${car.id}/release-sheet?ymd=20260230`)).body.errors).toEqual([
        { field: 'ymd', messages: ['ymd must be a date as YYYYMMDD'] },
      ]);
    });
  });
});
