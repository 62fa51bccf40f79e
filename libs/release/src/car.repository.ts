import { EntityRepository } from '@mikro-orm/mysql';
import type { Car } from './entities/car.entity';
import type { Ymd } from './release-day';

/** A car with the number of its pallets. */
export interface CarSummary {
  id: number;
  carNumber: string;
  type: string;
  palletCount: number;
}

/** A pallet with the number of order lines loaded on it on one day. */
export interface PalletLoad {
  id: number;
  seq: number;
  orderCount: number;
}

/** A line of a release sheet: the order with the number of its pallet on the car. */
export interface ReleaseRow {
  id: number;
  ymd: Ymd;
  code: string;
  codeName: string;
  locationName: string;
  count: number;
  palletId: number;
  palletSeq: number;
}

/**
 * The release reads, each one statement whatever the number of cars, pallets and orders: the
 * aggregates are a join grouped in the database, never a count per row.
 */
export class CarRepository extends EntityRepository<Car> {
  async summaries(): Promise<CarSummary[]> {
    const rows = await this.em.execute<CarSummary[]>(
      `select c.id, c.car_number as carNumber, c.type, count(p.id) as palletCount
         from car c
         left join pallet p on p.car_id = c.id
        group by c.id, c.car_number, c.type
        order by c.id`,
    );
    return rows.map((row) => ({ ...row, palletCount: Number(row.palletCount) }));
  }

  /**
   * The car's pallets in order with their order count on `ymd`; null when there is no such car
   * (the car is the driving table, so a car without pallets still gives one row).
   */
  async palletLoads(carId: number, ymd: Ymd): Promise<PalletLoad[] | null> {
    const rows = await this.em.execute<{ id: number | null; seq: number | null; orderCount: number | string }[]>(
      `select p.id, p.seq, count(o.id) as orderCount
         from car c
         left join pallet p on p.car_id = c.id
         left join order_list o on o.pallet_id = p.id and o.ymd = ?
        where c.id = ?
        group by c.id, p.id, p.seq
        order by p.seq`,
      [ymd, carId],
    );
    if (rows.length === 0) return null;
    return rows.filter((row) => row.id !== null).map((row) => ({ id: row.id!, seq: row.seq!, orderCount: Number(row.orderCount) }));
  }

  /** The orders loaded on the car's pallets on `ymd`, by pallet seq, then location name. */
  async releaseRows(carId: number, ymd: Ymd): Promise<ReleaseRow[]> {
    return this.em.execute<ReleaseRow[]>(
      `select o.id, o.ymd, o.code, o.code_name as codeName, o.location_name as locationName, o.count,
              p.id as palletId, p.seq as palletSeq
         from pallet p
         join order_list o on o.pallet_id = p.id and o.ymd = ?
        where p.car_id = ?
        order by p.seq, o.location_name, o.id`,
      [ymd, carId],
    );
  }
}
