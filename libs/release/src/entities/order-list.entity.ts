import { Entity, Index, ManyToOne, type Opt, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { storedInstant } from '@app/core';
import type { Ymd } from '../release-day';
import type { Pallet } from './pallet.entity';

export interface NewOrderList {
  ymd: Ymd;
  code: string;
  codeName: string;
  locationName: string;
  count: number;
}

/**
 * One line of a day's orders: `count` of a product for a delivery location, loaded on a pallet
 * or not yet. `(ymd, pallet_id)` serves every hot read: a day's unloaded lines, a pallet's load
 * of a day, and the per-pallet counts of a day.
 */
@Entity()
@Index({ name: 'order_list_ymd_pallet_id_index', properties: ['ymd', 'pallet'] })
export class OrderList {
  @PrimaryKey()
  id!: number;

  @Property({ columnType: 'char(8)' })
  ymd: Ymd;

  @Property({ length: 32 })
  code: string;

  @Property({ length: 128 })
  codeName: string;

  @Property({ length: 128 })
  locationName: string;

  @Property({ unsigned: true })
  count: number;

  @ManyToOne('Pallet', { nullable: true, deleteRule: 'set null', ref: true })
  pallet: Ref<Pallet> | null = null;

  @Property({ type: 'datetime', defaultRaw: 'CURRENT_TIMESTAMP' })
  createdAt: Date & Opt = storedInstant();

  constructor(props: NewOrderList) {
    this.ymd = props.ymd;
    this.code = props.code;
    this.codeName = props.codeName;
    this.locationName = props.locationName;
    this.count = props.count;
  }
}
