import { Injectable } from '@nestjs/common';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/mysql';
import { inTransaction, NotFoundError } from '@app/core';
import { AuditLog } from '@app/identity';
import type { CarSummary, PalletLoad } from './car.repository';
import { Car } from './entities/car.entity';
import { CarNumberTakenError } from './release.errors';
import type { Ymd } from './release-day';

export interface NewCar {
  carNumber: string;
  type: string;
  palletCount: number;
}

@Injectable()
export class CarService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditLog,
  ) {}

  /**
   * The car and its pallets 1..n (two inserts) with its audit entry (none for `actorId` null: demo
   * data); a taken number is refused by the unique key.
   */
  async create(input: NewCar, actorId: number | null): Promise<Car> {
    try {
      return await inTransaction(this.em, async (em) => {
        const car = new Car(input);
        em.persist(car);
        await em.flush();
        if (actorId !== null)
          this.audit.record(em, actorId, { action: 'car.create', entity: 'car', entityId: car.id, after: { ...input } });
        return car;
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw new CarNumberTakenError(input.carNumber);
      throw error;
    }
  }

  /** Every car with its pallet count, in one statement. */
  list(): Promise<CarSummary[]> {
    return this.em.getRepository(Car).summaries();
  }

  /** The car's pallets with the number of orders loaded on each on `ymd`, in one statement. */
  async palletLoads(carId: number, ymd: Ymd): Promise<PalletLoad[]> {
    const loads = await this.em.getRepository(Car).palletLoads(carId, ymd);
    if (!loads) throw new NotFoundError('Car', carId);
    return loads;
  }
}
