import { Injectable } from '@nestjs/common';
import { RequestContext } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/mysql';
import { DomainError } from '@app/core';
import { PasswordHasher, User, UserService } from '@app/identity';
import { BookingService } from '../bookings/booking.service';
import { WaitlistService } from '../waitlist/waitlist.service';
import { CreditLedgerService } from '../credits/credit-ledger.service';
import { GymLocation } from '../lessons/lesson.entity';
import type { PricePolicy } from '../price-policies/price-policy.entity';
import { GymCalendar } from '../gym-calendar';
import { LessonService } from '../lessons/lesson.service';
import { PricePolicyService } from '../price-policies/price-policy.service';
import { DEMO_MEMBERSHIPS, type DemoMembership } from './demo-memberships';
import { planDemoSchedule } from './demo-schedule';
import { SeededRandom } from '@app/core';

export const DEMO_PASSWORD = 'demo-password';
export const DEMO_DEFAULT_MEMBERS = 300;
export const DEMO_DEFAULT_SEED = 42;

/** `demo0001`, `demo0002`, … */
export const demoUsername = (n: number): string => `demo${String(n).padStart(4, '0')}`;
export const DEMO_FIRST_USERNAME = demoUsername(1);

export interface DemoSeedOptions {
  members: number;
  seed: number;
}

export interface DemoSeedSummary {
  members: number;
  policies: number;
  lessons: number;
  purchases: number;
  bookings: number;
  cancellations: number;
  /** Members who found a lesson full and joined its waitlist. */
  waitlisted: number;
  /** Bookings, cancellations and waitlist joins the gym's rules refused (full, closed, not enough credit, …). */
  refusals: number;
}

interface DemoLesson {
  id: number;
  gym: GymLocation;
  startDate: string;
}

/** A price policy and the share of members who buy it. */
type OnSale = Pick<PricePolicy, 'id'> & Pick<DemoMembership, 'weight'>;

interface HeldBooking {
  userId: number;
  reservationId: number;
}

const SCHEDULE_DAYS = 30;
const MEMBER_BATCH = 100;
const BUYER_SHARE = 0.9;
const SECOND_PURCHASE_SHARE = 0.2;
const BOOKING_ATTEMPTS: [min: number, max: number] = [8, 20];
const HOME_GYM_SHARE = 0.85;
const CANCEL_SHARE = 0.1;

/** What members run into when they book and cancel as they please; anything else is a bug. */
const EXPECTED_REFUSALS = new Set([
  'LESSON_FULL',
  'LESSON_CLOSED',
  'ALREADY_REGISTERED',
  'NOT_ENOUGH_CREDIT',
  'CANCEL_NOT_ALLOWED',
  'ALREADY_CANCELED',
  'ALREADY_WAITLISTED',
]);

/**
 * Fills an empty gym for demos and benchmarks: members, memberships, a month of lessons from
 * today, purchases, bookings and cancellations. Purchases, bookings and cancellations go through
 * the real services so the ledger and seat counts are what members would have produced. The same
 * seed gives the same data (on the same day and at about the same time of day).
 */
@Injectable()
export class GymDemoSeeder {
  constructor(
    private readonly em: EntityManager,
    private readonly hasher: PasswordHasher,
    private readonly users: UserService,
    private readonly policies: PricePolicyService,
    private readonly lessons: LessonService,
    private readonly ledger: CreditLedgerService,
    private readonly bookings: BookingService,
    private readonly waitlist: WaitlistService,
    private readonly calendar: GymCalendar,
  ) {}

  /** Returns null, changing nothing, when the demo members are already there. */
  async seed(options: DemoSeedOptions): Promise<DemoSeedSummary | null> {
    if (await this.em.fork().count(User, { username: DEMO_FIRST_USERNAME })) return null;
    const random = new SeededRandom(options.seed);
    const today = this.calendar.today();

    const memberIds = await this.createMembers(options.members, random);
    const policies = await this.inContext(() => this.createPolicies());
    const lessons = await this.inContext(() => this.createLessons(today, random));
    const { buyers, purchases } = await this.buyMemberships(memberIds, policies, today, random);
    const activity = await this.bookAndCancel(buyers, lessons, today, random);
    return { members: memberIds.length, policies: policies.length, lessons: lessons.length, purchases, ...activity };
  }

  /** Hashes the shared password once and inserts the members a batch per statement. */
  private async createMembers(count: number, random: SeededRandom): Promise<number[]> {
    const passwordHash = await this.hasher.hash(DEMO_PASSWORD);
    const ids: number[] = [];
    for (let first = 1; first <= count; first += MEMBER_BATCH) {
      const inputs = Array.from({ length: Math.min(MEMBER_BATCH, count - first + 1) }, (_, i) => ({
        username: demoUsername(first + i),
        phoneNumber: `010-${random.int(1000, 9999)}-${random.int(1000, 9999)}`,
      }));
      const users = await this.inContext(() => this.users.registerMany(inputs, passwordHash));
      ids.push(...users.map((user) => user.id));
    }
    return ids;
  }

  private async createPolicies(): Promise<OnSale[]> {
    const created: OnSale[] = [];
    for (const { weight, ...membership } of DEMO_MEMBERSHIPS) {
      const policy = await this.policies.create(membership, null);
      created.push({ id: policy.id, weight });
    }
    return created;
  }

  private async createLessons(today: string, random: SeededRandom): Promise<DemoLesson[]> {
    const created: DemoLesson[] = [];
    for (const input of planDemoSchedule(today, SCHEDULE_DAYS, random)) {
      const lesson = await this.lessons.create(input, null);
      created.push({ id: lesson.id, gym: lesson.gym, startDate: lesson.startDate });
    }
    return created;
  }

  /** Most members buy a membership starting today; some buy a second one. */
  private async buyMemberships(
    memberIds: number[],
    policies: OnSale[],
    today: string,
    random: SeededRandom,
  ): Promise<{ buyers: number[]; purchases: number }> {
    const orders: { userId: number; policyId: number }[] = [];
    const buyers = memberIds.filter(() => random.chance(BUYER_SHARE));
    for (const userId of buyers) {
      orders.push({ userId, policyId: random.weighted(policies).id });
      if (random.chance(SECOND_PURCHASE_SHARE)) orders.push({ userId, policyId: random.weighted(policies).id });
    }
    for (let first = 0; first < orders.length; first += MEMBER_BATCH) {
      await this.inContext(async () => {
        for (const order of orders.slice(first, first + MEMBER_BATCH)) await this.ledger.purchase(order.userId, order.policyId, today);
      });
    }
    return { buyers, purchases: orders.length };
  }

  /**
   * Members book lessons, mostly in their home gym, in a shuffled order, and join the waitlist of
   * a full one; now and then one of them cancels an earlier booking for a lesson at least a day
   * ahead (which may promote a waiting member).
   */
  private async bookAndCancel(
    buyers: number[],
    lessons: DemoLesson[],
    today: string,
    random: SeededRandom,
  ): Promise<Pick<DemoSeedSummary, 'bookings' | 'cancellations' | 'waitlisted' | 'refusals'>> {
    const gyms = Object.values(GymLocation);
    const lessonsIn = new Map(gyms.map((gym) => [gym, lessons.filter((lesson) => lesson.gym === gym)]));
    const attempts: { userId: number; lesson: DemoLesson }[] = [];
    for (const userId of buyers) {
      const home = random.pick(gyms);
      for (let n = random.int(...BOOKING_ATTEMPTS); n > 0; n--) {
        const gym = random.chance(HOME_GYM_SHARE) ? home : random.pick(gyms);
        attempts.push({ userId, lesson: random.pick(lessonsIn.get(gym) ?? []) });
      }
    }

    const cancellable: HeldBooking[] = [];
    let bookings = 0;
    let cancellations = 0;
    let waitlisted = 0;
    let refusals = 0;
    for (const { userId, lesson } of random.shuffle(attempts)) {
      const booking = await this.outcomeOf(() => this.inContext(() => this.bookings.book(userId, lesson.id)));
      if ('refused' in booking) {
        refusals++;
        if (booking.refused !== 'LESSON_FULL') continue;
        const joined = await this.unlessRefused(() => this.inContext(() => this.waitlist.join(userId, lesson.id)));
        if (joined) waitlisted++;
        else refusals++;
        continue;
      }
      bookings++;
      if (lesson.startDate > today) cancellable.push({ userId, reservationId: booking.done.reservation.id });
      if (cancellable.length > 0 && random.chance(CANCEL_SHARE)) {
        const [held] = cancellable.splice(random.int(0, cancellable.length - 1), 1);
        const cancelled = await this.unlessRefused(() => this.inContext(() => this.bookings.cancel(held.userId, held.reservationId)));
        if (cancelled) cancellations++;
        else refusals++;
      }
    }
    return { bookings, cancellations, waitlisted, refusals };
  }

  /** Runs `work` in its own request context with a fresh entity manager (a small identity map). */
  private inContext<T>(work: () => Promise<T>): Promise<T> {
    return RequestContext.create(this.em.fork(), work);
  }

  /** The result of `work`, or null when the gym's rules refuse it as expected. */
  private async unlessRefused<T>(work: () => Promise<T>): Promise<T | null> {
    const outcome = await this.outcomeOf(work);
    return 'done' in outcome ? outcome.done : null;
  }

  /** The result of `work`, or the code of an expected refusal. */
  private async outcomeOf<T>(work: () => Promise<T>): Promise<{ done: T } | { refused: string }> {
    try {
      return { done: await work() };
    } catch (error) {
      if (error instanceof DomainError && EXPECTED_REFUSALS.has(error.code)) return { refused: error.code };
      throw error;
    }
  }
}
