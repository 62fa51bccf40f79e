import type { INestApplication } from '@nestjs/common';
import { RequestContext } from '@mikro-orm/core';
import {
  CreditLedgerService,
  type Credit,
  GymLocation,
  type Lesson,
  LessonType,
  type PricePolicy,
  LessonService,
  type NewLesson,
  type NewPricePolicy,
  PricePolicyService,
} from '@app/gym';
import type { Member } from './factories';
import { forkEm } from './test-app';

const inContext = <T>(app: INestApplication, fn: () => Promise<T>): Promise<T> => RequestContext.create(forkEm(app), fn);

export function newPricePolicy(app: INestApplication, overrides: Partial<NewPricePolicy> = {}): Promise<PricePolicy> {
  return inContext(app, () =>
    app.get(PricePolicyService).create({ name: '10 classes', price: 100_000, creditCount: 10, periodDays: 30, ...overrides }, null),
  );
}

export function newLesson(app: INestApplication, overrides: Partial<NewLesson> & { startDate: string }): Promise<Lesson> {
  return inContext(app, () =>
    app.get(LessonService).create(
      {
        gym: GymLocation.Seoul,
        type: LessonType.Yoga,
        creditCount: 2,
        maxCapacity: 10,
        startTime: '19:00',
        endTime: '20:00',
        ...overrides,
      },
      null,
    ),
  );
}

/** The member buys a membership granting `creditCount` credits from `startDate` for `periodDays`. */
export async function buyCredits(
  app: INestApplication,
  member: Member,
  options: { creditCount: number; startDate: string; periodDays?: number },
): Promise<Credit> {
  const policy = await newPricePolicy(app, { creditCount: options.creditCount, periodDays: options.periodDays ?? 30 });
  return inContext(app, () => app.get(CreditLedgerService).purchase(member.user.id, policy.id, options.startDate));
}
