import { Entity, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { storedInstant } from '@app/core';

/** A membership on sale: pay `price`, get `creditCount` credits valid for `periodDays`. */
@Entity()
export class PricePolicy {
  @PrimaryKey()
  id!: number;

  @Property({ length: 100 })
  name: string;

  @Property()
  price: number;

  @Property()
  creditCount: number;

  @Property()
  periodDays: number;

  @Property({ type: 'datetime', defaultRaw: 'CURRENT_TIMESTAMP' })
  createdAt: Date & Opt = storedInstant();

  constructor(props: { name: string; price: number; creditCount: number; periodDays: number }) {
    this.name = props.name;
    this.price = props.price;
    this.creditCount = props.creditCount;
    this.periodDays = props.periodDays;
  }
}
