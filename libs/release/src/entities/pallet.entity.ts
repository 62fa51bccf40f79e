import { Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import type { Car } from './car.entity';

/** A numbered place on a car (`seq` 1..n); created with the car. */
@Entity()
@Unique({ name: 'pallet_car_id_seq_unique', properties: ['car', 'seq'] })
export class Pallet {
  @PrimaryKey()
  id!: number;

  @ManyToOne('Car', { deleteRule: 'cascade' })
  car: Car;

  @Property({ type: 'smallint', unsigned: true })
  seq: number;

  constructor(car: Car, seq: number) {
    this.car = car;
    this.seq = seq;
  }
}
