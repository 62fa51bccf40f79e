import { Injectable } from '@nestjs/common';
import { RequestContext } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/mysql';
import { addDays, AppConfig, Clock, SeededRandom, wallClock } from '@app/core';
import { CarService } from '../car.service';
import { Car } from '../entities/car.entity';
import type { NewOrderList } from '../entities/order-list.entity';
import { OrderListService } from '../order-list.service';
import { PalletLoadService } from '../pallet-load.service';
import { type Ymd, ymdOf } from '../release-day';

export interface ReleaseSeedOptions {
  seed: number;
  /** Order lines per day. */
  ordersPerDay?: number;
}

export interface ReleaseSeedSummary {
  cars: number;
  pallets: number;
  days: number;
  orders: number;
  loaded: number;
}

const CARS: [carNumber: string, type: string, pallets: number][] = [
  ['12가3456', '1톤 탑차', 4],
  ['34나5678', '2.5톤 윙바디', 6],
  ['56다7890', '5톤 윙바디', 8],
  ['78라1234', '1톤 냉장탑차', 4],
  ['90마5678', '11톤 윙바디', 12],
];
const PRODUCTS: [code: string, codeName: string][] = [
  ['A-1001', '생수 2L x 6'],
  ['A-1002', '탄산수 500ml x 20'],
  ['B-2001', '즉석밥 210g x 12'],
  ['B-2002', '라면 5입'],
  ['C-3001', '우유 1L'],
  ['C-3002', '요거트 4입'],
  ['D-4001', '화장지 30롤'],
  ['D-4002', '키친타월 6롤'],
  ['E-5001', 'Protein bar x 12'],
  ['E-5002', 'Sports drink 1.5L'],
];
const LOCATIONS = ['강남점', '서초점', '송파점', '마포점', '용산점', '성수점', '분당점', '일산점', '부천점', '인천점', '수원점', '안양점'];
const DAYS_BEFORE = 3;
const DAYS = 7;
const UNLOADED_SHARE = 0.1;

/**
 * A distribution centre's week: a few cars with their pallets, and a week of order lines around
 * today (in APP_TIMEZONE), most of them loaded. Each delivery location rides one car a day, its
 * lines spread over that car's pallets. Everything goes through the real services.
 */
@Injectable()
export class ReleaseDemoSeeder {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly cars: CarService,
    private readonly orders: OrderListService,
    private readonly loads: PalletLoadService,
  ) {}

  /** Returns null, changing nothing, when there are cars already. */
  async seed(options: ReleaseSeedOptions): Promise<ReleaseSeedSummary | null> {
    const inContext = <T>(fn: () => Promise<T>): Promise<T> => RequestContext.create(this.em.fork(), fn);
    if ((await this.em.fork().count(Car, {})) > 0) return null;
    const random = new SeededRandom(options.seed);
    const cars: Car[] = [];
    for (const [carNumber, type, palletCount] of CARS)
      cars.push(await inContext(() => this.cars.create({ carNumber, type, palletCount }, null)));
    const first = wallClock(this.clock.now(), this.config.gym.timezone).date;
    const summary: ReleaseSeedSummary = {
      cars: cars.length,
      pallets: cars.reduce((sum, car) => sum + car.pallets.length, 0),
      days: DAYS,
      orders: 0,
      loaded: 0,
    };
    for (let day = 0; day < DAYS; day++) {
      const ymd = ymdOf(addDays(first, day - DAYS_BEFORE));
      const lines = Array.from({ length: options.ordersPerDay ?? 60 }, () => this.newLine(ymd, random));
      const created = await inContext(() => this.orders.create(lines, null));
      summary.orders += created.length;
      summary.loaded += await this.loadDay(ymd, created, cars, random);
    }
    return summary;
  }

  private newLine(ymd: Ymd, random: SeededRandom): NewOrderList {
    const [code, codeName] = random.pick(PRODUCTS);
    return { ymd, code, codeName, locationName: random.pick(LOCATIONS), count: random.int(1, 40) };
  }

  /** Gives each location a car for the day and spreads its lines over that car's pallets. */
  private async loadDay(ymd: Ymd, lines: { id: number; locationName: string }[], cars: Car[], random: SeededRandom): Promise<number> {
    const carOf = new Map(LOCATIONS.map((location) => [location, random.pick(cars)]));
    const byPallet = new Map<number, number[]>();
    for (const line of lines) {
      if (random.chance(UNLOADED_SHARE)) continue;
      const pallet = random.pick(carOf.get(line.locationName)!.pallets.getItems());
      byPallet.set(pallet.id, [...(byPallet.get(pallet.id) ?? []), line.id]);
    }
    for (const [palletId, ids] of byPallet) await this.loads.load(palletId, ymd, ids, null);
    return [...byPallet.values()].reduce((sum, ids) => sum + ids.length, 0);
  }
}
