import { Entity, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { storedInstant } from '@app/core';

/**
 * A membership on sale: pay `price`, get `creditCount` credits valid for `periodDays`. Its terms
 * never change once created (a purchase reads them when it is made); staff may rename it and retire
 * it from sale (`isActive`), which stops new purchases only.
 */
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

  /** On sale: members see it and may buy it. */
  @Property({ default: true })
  isActive: boolean & Opt = true;

  @Property({ type: 'datetime', defaultRaw: 'CURRENT_TIMESTAMP' })
  createdAt: Date & Opt = storedInstant();

  constructor(props: { name: string; price: number; creditCount: number; periodDays: number }) {
    this.name = props.name;
    this.price = props.price;
    this.creditCount = props.creditCount;
    this.periodDays = props.periodDays;
  }

  /** Renamed, or taken off sale (or put back): what may change once members may have bought it. */
  revise(changes: { name?: string; isActive?: boolean }): void {
    if (changes.name !== undefined) this.name = changes.name;
    if (changes.isActive !== undefined) this.isActive = changes.isActive;
  }
}
