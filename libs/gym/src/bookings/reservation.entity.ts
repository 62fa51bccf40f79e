import { Collection, Entity, Enum, Index, ManyToOne, OneToMany, OneToOne, type Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { storedInstant } from '@app/core';
import { User } from '@app/identity';
import { Credit } from '../credits/credit.entity';
import { Lesson } from '../lessons/lesson.entity';

export enum ReservationType {
  Reserve = 'reserve',
  Cancel = 'cancel',
}

/**
 * A booking (`reserve`) or the record of its cancellation (`cancel`, linked to the booking).
 * The database keeps one active booking per member and lesson, and one cancellation per booking.
 */
@Entity()
@Index({ properties: ['user', 'createdAt'] })
@Unique({ name: 'reservation_one_active_per_member', properties: ['lesson', 'user', 'activeFlag'] })
export class Reservation {
  @PrimaryKey()
  id!: number;

  @Enum({ items: () => ReservationType })
  type: ReservationType;

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user: User;

  @ManyToOne(() => Lesson, { deleteRule: 'cascade' })
  lesson: Lesson;

  /** On a `cancel` record: the booking it cancels. */
  @OneToOne(() => Reservation, { nullable: true, owner: true, unique: 'reservation_cancels_unique', deleteRule: 'cascade' })
  cancels: Reservation | null = null;

  /** On a `reserve` record: when it was cancelled. */
  @Property({ type: 'datetime', nullable: true })
  canceledAt: Date | null = null;

  /** 1 for an active booking, NULL otherwise: the unique key above counts only active bookings. */
  @Property({
    columnType: 'tinyint',
    nullable: true,
    generated: "(case when `type` = 'reserve' and `canceled_at` is null then 1 end) virtual",
    persist: false,
    hidden: true,
  })
  activeFlag?: number & Opt;

  @OneToMany(() => Credit, (credit) => credit.reservation)
  credits = new Collection<Credit>(this);

  @Property({ type: 'datetime', defaultRaw: 'CURRENT_TIMESTAMP' })
  createdAt: Date & Opt = storedInstant();

  private constructor(type: ReservationType, user: User, lesson: Lesson) {
    this.type = type;
    this.user = user;
    this.lesson = lesson;
  }

  /** A booking made at `at` (the app's clock, so a test's fake time is the booking's time too). */
  static book(user: User, lesson: Lesson, at: Date): Reservation {
    const booking = new Reservation(ReservationType.Reserve, user, lesson);
    booking.createdAt = storedInstant(at);
    return booking;
  }

  /** Marks this booking cancelled and returns the cancellation record. */
  cancel(at: Date): Reservation {
    if (this.type !== ReservationType.Reserve || this.canceledAt) throw new Error(`Reservation ${this.id} cannot be cancelled`);
    const stamp = storedInstant(at);
    this.canceledAt = stamp;
    const record = new Reservation(ReservationType.Cancel, this.user, this.lesson);
    record.cancels = this;
    record.createdAt = stamp;
    return record;
  }
}
