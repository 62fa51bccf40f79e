import { Entity, EntityRepositoryType, Enum, Index, ManyToOne, type Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { CreditRepository } from './credit.repository';
import { storedInstant } from '@app/core';
import { User } from '@app/identity';
import { PricePolicy } from '../price-policies/price-policy.entity';
import type { Reservation } from '../bookings/reservation.entity';

export enum CreditType {
  Purchase = 'purchase',
  Use = 'use',
  Refund = 'refund',
  Expire = 'expire',
  /** Credits given by staff (a goodwill gesture, a correction): counts and expires like a purchase. */
  Grant = 'grant',
}

/** `credit.message` is varchar(255). */
const MESSAGE_LENGTH = 255;

/**
 * One immutable entry of a member's credit ledger. A `purchase` (or a staff `grant`) holds credits
 * valid from `startDate` until `endDate` (exclusive); `use` (negative), `refund` and `expire`
 * (negative) entries each name the purchase or grant they draw from or return to. Nothing is ever updated.
 */
@Entity({ repository: () => CreditRepository })
@Index({ properties: ['user', 'type', 'endDate'] })
@Unique({ name: 'credit_one_expiry_per_purchase', properties: ['expiredPurchaseId'] })
export class Credit {
  [EntityRepositoryType]?: CreditRepository;

  @PrimaryKey()
  id!: number;

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user: User;

  @Enum({ items: () => CreditType })
  type: CreditType;

  @Property()
  count: number;

  @Property({ type: 'date' })
  startDate: string;

  @Property({ type: 'date', nullable: true })
  endDate: string | null = null;

  @ManyToOne(() => PricePolicy, { nullable: true, deleteRule: 'restrict' })
  pricePolicy: PricePolicy | null = null;

  @ManyToOne('Reservation', { nullable: true, deleteRule: 'cascade' })
  reservation: Reservation | null = null;

  /** For use, refund and expire entries: the purchase they change. */
  @ManyToOne(() => Credit, { nullable: true, deleteRule: 'cascade' })
  purchase: Credit | null = null;

  /** The purchase an `expire` entry closes, NULL otherwise: a purchase expires at most once. */
  @Property({
    columnType: 'int unsigned',
    nullable: true,
    generated: "(case when `type` = 'expire' then `purchase_id` end) virtual",
    persist: false,
    hidden: true,
  })
  expiredPurchaseId?: number & Opt;

  @Property({ length: 255 })
  message: string;

  @Property({ type: 'datetime', defaultRaw: 'CURRENT_TIMESTAMP' })
  createdAt: Date & Opt = storedInstant();

  private constructor(props: Pick<Credit, 'user' | 'type' | 'count' | 'startDate' | 'message'>) {
    this.user = props.user;
    this.type = props.type;
    this.count = props.count;
    this.startDate = props.startDate;
    this.message = props.message;
  }

  /** Bought at `at` (the app's clock, like every entry's `createdAt`). */
  static purchase(user: User, policy: PricePolicy, startDate: string, endDate: string, at: Date): Credit {
    const entry = new Credit({
      user,
      type: CreditType.Purchase,
      count: policy.creditCount,
      startDate,
      message: `Purchased ${policy.name}`,
    });
    entry.endDate = endDate;
    entry.pricePolicy = policy;
    entry.createdAt = storedInstant(at);
    return entry;
  }

  /**
   * Credits granted by staff at `at`: no price policy; valid from `startDate` until `endDate`
   * (exclusive), spent and expired exactly like a purchase. The message carries the reason (the
   * audit entry keeps it whole).
   */
  static grant(user: User, count: number, validity: { startDate: string; endDate: string }, reason: string, at: Date): Credit {
    if (!Number.isInteger(count) || count <= 0) throw new Error(`A grant cannot count ${count}`);
    if (validity.endDate <= validity.startDate)
      throw new Error(`A grant must end after it starts: ${validity.startDate}..${validity.endDate}`);
    const entry = new Credit({
      user,
      type: CreditType.Grant,
      count,
      startDate: validity.startDate,
      message: fitMessage(`Granted: ${reason}`),
    });
    entry.endDate = validity.endDate;
    entry.createdAt = storedInstant(at);
    return entry;
  }

  /**
   * A movement against a purchase: `use` and `expire` take credits (count < 0), `refund` returns
   * them (count >= 0: a refund of 0 is written too, so a cancellation that refunded nothing says so).
   * `when`: the gym's day it happens on and the instant (the app's clock).
   */
  static movement(
    type: Exclude<CreditType, CreditType.Purchase | CreditType.Grant>,
    against: { user: User; purchase: Credit; reservation: Reservation | null },
    count: number,
    when: { day: string; at: Date },
    message: string,
  ): Credit {
    const valid = type === CreditType.Refund ? count >= 0 : count < 0;
    if (!valid || !Number.isInteger(count)) throw new Error(`A ${type} entry cannot count ${count}`);
    const { user, purchase, reservation } = against;
    const entry = new Credit({ user, type, count, startDate: when.day, message });
    entry.purchase = purchase;
    entry.reservation = reservation;
    entry.createdAt = storedInstant(when.at);
    return entry;
  }
}

/** Cuts a message to the column's length in code points, marking the cut. */
function fitMessage(text: string): string {
  const points = [...text];
  return points.length <= MESSAGE_LENGTH ? text : `${points.slice(0, MESSAGE_LENGTH - 1).join('')}…`;
}

/** A credit entry as an answer shows it, a Credit or a projection of its row: its fields and the ids it points to. */
export type CreditEntryFields = Pick<Credit, 'id' | 'type' | 'count' | 'startDate' | 'endDate' | 'message' | 'createdAt'> & {
  pricePolicy: { id: number } | null;
  reservation: { id: number } | null;
  purchase: { id: number } | null;
};
