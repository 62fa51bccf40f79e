import { Check, Entity, Enum, Index, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { storedInstant } from '@app/core';

export enum GymLocation {
  Seoul = 'seoul',
  Busan = 'busan',
}

export enum LessonType {
  Weight = 'weight',
  Crossfit = 'crossfit',
  Swim = 'swim',
  Yoga = 'yoga',
}

/**
 * A class on the schedule. `reservedCount` is the number of active reservations, changed only
 * while the lesson row is locked; the database refuses a count above capacity.
 */
@Entity()
@Index({ properties: ['startDate', 'startTime', 'id'] })
@Check({ name: 'lesson_capacity_check', expression: 'reserved_count between 0 and max_capacity' })
export class Lesson {
  @PrimaryKey()
  id!: number;

  @Enum({ items: () => GymLocation })
  gym: GymLocation;

  @Enum({ items: () => LessonType })
  type: LessonType;

  @Property()
  creditCount: number;

  @Property()
  maxCapacity: number;

  @Property({ default: 0 })
  reservedCount: number & Opt = 0;

  /** `YYYY-MM-DD` in the gym's time zone. */
  @Property({ type: 'date' })
  startDate: string;

  /** `HH:mm` */
  @Property({ columnType: 'char(5)' })
  startTime: string;

  /** `HH:mm` */
  @Property({ columnType: 'char(5)' })
  endTime: string;

  @Property({ type: 'datetime', defaultRaw: 'CURRENT_TIMESTAMP' })
  createdAt: Date & Opt = storedInstant();

  /** When the gym cancelled it (every booking refunded, the waitlist closed); null while it stands. */
  @Property({ type: 'datetime', nullable: true })
  canceledAt: Date | null = null;

  /** Why the gym cancelled it, as staff wrote it. */
  @Property({ length: 500, nullable: true })
  cancelReason: string | null = null;

  constructor(props: Pick<Lesson, 'gym' | 'type' | 'creditCount' | 'maxCapacity' | 'startDate' | 'startTime' | 'endTime'>) {
    this.gym = props.gym;
    this.type = props.type;
    this.creditCount = props.creditCount;
    this.maxCapacity = props.maxCapacity;
    this.startDate = props.startDate;
    this.startTime = props.startTime;
    this.endTime = props.endTime;
  }

  get isCanceled(): boolean {
    return this.canceledAt !== null;
  }

  get isFull(): boolean {
    return this.reservedCount >= this.maxCapacity;
  }

  /** True once the lesson has started, given the wall clock in the gym's time zone. */
  hasStartedBy(now: { date: string; time: string }): boolean {
    return `${this.startDate} ${this.startTime}` <= `${now.date} ${now.time}`;
  }

  takeSeat(): void {
    if (this.isFull) throw new Error(`Lesson ${this.id} is full`);
    this.reservedCount += 1;
  }

  freeSeat(): void {
    if (this.reservedCount <= 0) throw new Error(`Lesson ${this.id} has no reserved seat to free`);
    this.reservedCount -= 1;
  }

  /**
   * Moves the lesson to `times` and/or resizes it to `maxCapacity`. The caller checks the rules with
   * their codes (a cancelled lesson, an end before the start, fewer seats than bookings); this refuses
   * what would break the row's invariants whoever calls it.
   */
  reschedule(changes: { maxCapacity?: number; startTime?: string; endTime?: string }): void {
    if (this.isCanceled) throw new Error(`Lesson ${this.id} is cancelled`);
    const next = {
      maxCapacity: changes.maxCapacity ?? this.maxCapacity,
      startTime: changes.startTime ?? this.startTime,
      endTime: changes.endTime ?? this.endTime,
    };
    if (next.endTime <= next.startTime) throw new Error(`Lesson ${this.id} cannot end at ${next.endTime}, before ${next.startTime}`);
    if (next.maxCapacity < this.reservedCount) throw new Error(`Lesson ${this.id} holds ${this.reservedCount} bookings`);
    Object.assign(this, next);
  }

  /** Cancelled by the gym at `at`, once its bookings are cancelled (no seat is taken any more). */
  cancel(reason: string, at: Date): void {
    if (this.isCanceled) throw new Error(`Lesson ${this.id} is already cancelled`);
    if (this.reservedCount !== 0) throw new Error(`Lesson ${this.id} still holds ${this.reservedCount} bookings`);
    this.canceledAt = storedInstant(at);
    this.cancelReason = reason;
  }
}

/** The lesson fields an answer shows: a Lesson, or a projection of its row. */
export type LessonFields = Pick<
  Lesson,
  'id' | 'gym' | 'type' | 'creditCount' | 'maxCapacity' | 'reservedCount' | 'startDate' | 'startTime' | 'endTime'
>;
