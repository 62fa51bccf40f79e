import { Collection, Entity, EntityRepositoryType, OneToMany, type Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { storedInstant } from '@app/core';
import { CarRepository } from '../car.repository';
import { Pallet } from './pallet.entity';

/** A delivery car. Its number is unique (the key decides when two requests race). */
@Entity({ repository: () => CarRepository })
export class Car {
  [EntityRepositoryType]?: CarRepository;

  @PrimaryKey()
  id!: number;

  @Property({ length: 20 })
  @Unique({ name: 'car_car_number_unique' })
  carNumber: string;

  /** Free text, as the fleet names it: `1톤 탑차`, `2.5톤 윙바디`. */
  @Property({ length: 32 })
  type: string;

  @OneToMany(() => Pallet, (pallet) => pallet.car, { orderBy: { seq: 'asc' } })
  pallets = new Collection<Pallet>(this);

  @Property({ type: 'datetime', defaultRaw: 'CURRENT_TIMESTAMP' })
  createdAt: Date & Opt = storedInstant();

  /** A car with pallets numbered 1..palletCount. */
  constructor(props: { carNumber: string; type: string; palletCount: number }) {
    this.carNumber = props.carNumber;
    this.type = props.type;
    for (let seq = 1; seq <= props.palletCount; seq++) this.pallets.add(new Pallet(this, seq));
  }
}
