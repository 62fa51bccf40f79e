import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/mysql';
import { NotFoundError } from '@app/core';
import type { ReleaseRow } from './car.repository';
import { Car } from './entities/car.entity';
import { releaseTitle, type Ymd } from './release-day';

/** What a car takes out on a day, as the dispatcher prints it. */
export interface ReleaseSheet {
  car: { id: number; carNumber: string; type: string };
  ymd: Ymd;
  title: string;
  rows: ReleaseRow[];
}

@Injectable()
export class ReleaseSheetService {
  constructor(private readonly em: EntityManager) {}

  /** Two statements: the car, then its day's orders joined with their pallets, in sheet order. */
  async sheet(carId: number, ymd: Ymd): Promise<ReleaseSheet> {
    const repository = this.em.getRepository(Car);
    const car = await repository.findOne(carId);
    if (!car) throw new NotFoundError('Car', carId);
    const rows = await repository.releaseRows(carId, ymd);
    return { car: { id: car.id, carNumber: car.carNumber, type: car.type }, ymd, title: releaseTitle(ymd), rows };
  }
}
