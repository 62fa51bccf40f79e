import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { RequestContext } from '@mikro-orm/core';
import { CarService, type NewCar, type Car, type NewOrderList, type OrderList, OrderListService, PalletLoadService } from '@app/release';
import { forkEm } from './test-app';

const inContext = <T>(app: INestApplication, fn: () => Promise<T>): Promise<T> => RequestContext.create(forkEm(app), fn);

let carSequence = 0;

/** A car with `palletCount` pallets (3 unless told), through the real service. */
export function newCar(app: INestApplication, overrides: Partial<NewCar> = {}): Promise<Car> {
  carSequence += 1;
  return inContext(app, () =>
    app
      .get(CarService)
      .create({ carNumber: `T${randomBytes(3).toString('hex')}-${carSequence}`, type: '1톤 탑차', palletCount: 3, ...overrides }, null),
  );
}

/** Order lines of `ymd`, one per override, with sensible defaults. */
export function newOrderLists(app: INestApplication, ymd: string, lines: Partial<NewOrderList>[]): Promise<OrderList[]> {
  return inContext(app, () =>
    app.get(OrderListService).create(
      lines.map((line, index) => ({
        ymd,
        code: `P-${index + 1}`,
        codeName: `Product ${index + 1}`,
        locationName: '강남점',
        count: 1,
        ...line,
      })),
      null,
    ),
  );
}

/** Loads these lines on the pallet for the day, through the real service. */
export function loadPallet(app: INestApplication, palletId: number, ymd: string, orders: { id: number }[]): Promise<OrderList[]> {
  return app.get(PalletLoadService).load(
    palletId,
    ymd,
    orders.map((order) => order.id),
    null,
  );
}
