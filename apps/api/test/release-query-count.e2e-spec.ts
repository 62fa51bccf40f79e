import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { OrderList } from '@app/release';
import { createTestApp, loadPallet, type Member, newCar, newOrderLists, newStaff, resetDatabase } from '@app/testing';

const DAY = '20261201';
const NEXT_DAY = '20261202';

/** Every release endpoint runs the same number of statements for one row as for many. */
describe('Release: statements per request (e2e)', () => {
  let app: INestApplication;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    app = await createTestApp();
    http = request(app.getHttpServer());
  });
  afterAll(() => app.close());

  interface DataSet {
    staff: Member;
    carId: number;
    palletId: number;
    /** Lines of DAY on no pallet, for the write requests to load. */
    spare: OrderList[];
  }

  /**
   * `cars` cars of `pallets` pallets; `perPallet` lines of DAY and of NEXT_DAY loaded on every
   * pallet, and as many left unloaded.
   */
  async function seed(cars: number, pallets: number, perPallet: number): Promise<DataSet> {
    await resetDatabase(app);
    const staff = await newStaff(app);
    const created = [];
    for (let i = 0; i < cars; i++) created.push(await newCar(app, { palletCount: pallets }));
    for (const car of created) {
      for (const pallet of car.pallets.getItems()) {
        for (const ymd of [DAY, NEXT_DAY]) {
          const lines = await newOrderLists(
            app,
            ymd,
            Array.from({ length: perPallet }, (_, i) => ({ locationName: `지점 ${i % 7}` })),
          );
          await loadPallet(app, pallet.id, ymd, lines);
        }
      }
    }
    const spare = await newOrderLists(
      app,
      DAY,
      Array.from({ length: perPallet * pallets }, () => ({})),
    );
    return { staff, carId: created[0].id, palletId: created[0].pallets.getItems()[0].id, spare };
  }

  async function statementsPerRoute({ staff, carId, palletId, spare }: DataSet): Promise<Record<string, number>> {
    const reads: [string, string][] = [
      ['GET /cars', '/cars'],
      ['GET /cars/:id/pallets', `/cars/${carId}/pallets?ymd=${DAY}`],
      ['GET /order-lists', `/order-lists?ymd=${DAY}`],
      ['GET /order-lists?palletId', `/order-lists?ymd=${DAY}&palletId=${palletId}`],
      ['GET /order-lists?unloaded', `/order-lists?ymd=${DAY}&unloaded=true`],
      ['GET /cars/:id/release-sheet', `/cars/${carId}/release-sheet?ymd=${DAY}`],
      ['GET /release/report', `/release/report?carId=${carId}&ymd=${DAY}`],
    ];
    const counts: Record<string, number> = {};
    for (const [name, path] of reads) {
      const res = await http.get(path).set('Authorization', staff.auth).expect(200);
      counts[name] = Number(res.headers['x-query-count']);
    }
    const put = await http
      .put(`/pallets/${palletId}/orders`)
      .set('Authorization', staff.auth)
      .send({ ymd: DAY, orderListIds: spare.map((order) => order.id) })
      .expect(200);
    counts['PUT /pallets/:id/orders'] = Number(put.headers['x-query-count']);
    const lines = spare.map((order) => ({
      ymd: NEXT_DAY,
      code: order.code,
      codeName: order.codeName,
      locationName: order.locationName,
      count: 2,
    }));
    const post = await http.post('/order-lists').set('Authorization', staff.auth).send(lines).expect(201);
    counts['POST /order-lists'] = Number(post.headers['x-query-count']);
    const car = await http
      .post('/cars')
      .set('Authorization', staff.auth)
      .send({ carNumber: `N-${spare.length}`, type: '5톤', palletCount: spare.length })
      .expect(201);
    counts['POST /cars'] = Number(car.headers['x-query-count']);
    return counts;
  }

  it('runs a fixed number of statements for 1 car, pallet and line and for 12 cars of 8 pallets with 3 lines each a day', async () => {
    const small = await statementsPerRoute(await seed(1, 1, 1));
    const large = await statementsPerRoute(await seed(12, 8, 3));
    // every route here is staff-only: one statement each reads the caller's staff rights (StaffGuard),
    // and each write adds one for its audit entry
    const expected = {
      'GET /cars': 2,
      'GET /cars/:id/pallets': 2,
      'GET /order-lists': 2,
      'GET /order-lists?palletId': 2,
      'GET /order-lists?unloaded': 2,
      'GET /cars/:id/release-sheet': 3,
      'GET /release/report': 3,
      'PUT /pallets/:id/orders': 6,
      'POST /order-lists': 3,
      'POST /cars': 4,
    };
    expect(small).toEqual(expected);
    expect(large).toEqual(expected);
  });

  it('returns the large data set complete (the fixed count is not a truncated answer)', async () => {
    const { staff, carId } = await seed(12, 8, 3);
    const get = (path: string) => http.get(path).set('Authorization', staff.auth).expect(200);
    expect((await get('/cars')).body).toHaveLength(12);
    expect((await get('/cars')).body.every((car: { palletCount: number }) => car.palletCount === 8)).toBe(true);
    expect((await get(`/cars/${carId}/pallets?ymd=${DAY}`)).body.map((pallet: { orderCount: number }) => pallet.orderCount)).toEqual(
      Array(8).fill(3),
    );
    expect((await get(`/order-lists?ymd=${DAY}`)).body).toHaveLength(12 * 8 * 3 + 8 * 3);
    expect((await get(`/cars/${carId}/release-sheet?ymd=${DAY}`)).body.rows).toHaveLength(8 * 3);
  });
});
