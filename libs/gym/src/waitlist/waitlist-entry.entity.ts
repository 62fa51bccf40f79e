import { Entity, Enum, Index, ManyToOne, type Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { storedInstant } from '@app/core';
import { User } from '@app/identity';
import { Lesson } from '../lessons/lesson.entity';
import { Reservation } from '../bookings/reservation.entity';

/**
 * `waiting`: in the queue. `promoted`: booked into a freed seat (`reservation`). `passed`: skipped at
 * a promotion, `reason` says why. `expired`: still waiting when the lesson came within the cutoff.
 * A member who leaves the queue deletes their entry; only waiting entries can be left.
 */
export enum WaitlistStatus {
  Waiting = 'waiting',
  Promoted = 'promoted',
  Passed = 'passed',
  Expired = 'expired',
}

/**
 * A member's place in a full lesson's queue. The queue order is the id (the order of joining). The
 * database keeps one waiting entry per member and lesson; closed entries stay as the record.
 * Every change to a lesson's entries happens with the lesson row locked.
 */
@Entity()
@Index({ name: 'waitlist_entry_lesson_queue', properties: ['lesson', 'waitingFlag', 'id'] })
@Index({ properties: ['user', 'id'] })
@Unique({ name: 'waitlist_entry_one_waiting_per_member', properties: ['lesson', 'user', 'waitingFlag'] })
export class WaitlistEntry {
  @PrimaryKey()
  id!: number;

  @ManyToOne(() => Lesson, { deleteRule: 'cascade' })
  lesson: Lesson;

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user: User;

  @Enum({ items: () => WaitlistStatus })
  status: WaitlistStatus & Opt = WaitlistStatus.Waiting;

  /** Why a `passed` entry was skipped (the refusal code a booking would have answered), or why an `expired` one closed early (`LESSON_CANCELED`). */
  @Property({ length: 40, nullable: true })
  reason: string | null = null;

  /** The booking a promotion made. */
  @ManyToOne(() => Reservation, { nullable: true, deleteRule: 'set null' })
  reservation: Reservation | null = null;

  /** 1 while waiting, NULL otherwise: the unique key above counts only waiting entries. */
  @Property({
    columnType: 'tinyint',
    nullable: true,
    generated: "(case when `status` = 'waiting' then 1 end) virtual",
    persist: false,
    hidden: true,
  })
  waitingFlag?: number & Opt;

  @Property({ type: 'datetime', defaultRaw: 'CURRENT_TIMESTAMP' })
  createdAt: Date & Opt = storedInstant();

  /** When it stopped waiting. */
  @Property({ type: 'datetime', nullable: true })
  closedAt: Date | null = null;

  constructor(lesson: Lesson, user: User, at: Date) {
    this.lesson = lesson;
    this.user = user;
    this.createdAt = storedInstant(at);
  }

  get isWaiting(): boolean {
    return this.status === WaitlistStatus.Waiting;
  }

  promote(reservation: Reservation, at: Date): void {
    this.close(WaitlistStatus.Promoted, at);
    this.reservation = reservation;
  }

  pass(reason: string, at: Date): void {
    this.close(WaitlistStatus.Passed, at);
    this.reason = reason;
  }

  /** Closed without a seat: the lesson came within the cutoff, or (with a `reason`, `LESSON_CANCELED`) the gym cancelled it. */
  expire(at: Date, reason: string | null = null): void {
    this.close(WaitlistStatus.Expired, at);
    this.reason = reason;
  }

  private close(status: WaitlistStatus, at: Date): void {
    if (!this.isWaiting) throw new Error(`Waitlist entry ${this.id} is ${this.status}, not waiting`);
    this.status = status;
    this.closedAt = storedInstant(at);
  }
}
