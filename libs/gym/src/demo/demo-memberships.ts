import type { NewPricePolicy } from '../price-policies/price-policy.service';

/** A membership the demo gym sells, and the share of members who buy it (`weight`). */
export interface DemoMembership extends NewPricePolicy {
  weight: number;
}

/** What a Korean gym typically sells: a trial and class passes, prices in won. */
export const DEMO_MEMBERSHIPS: readonly DemoMembership[] = [
  { name: '체험권 3회 (1주)', price: 30_000, creditCount: 3, periodDays: 7, weight: 10 },
  { name: '10회권 (1개월)', price: 150_000, creditCount: 10, periodDays: 30, weight: 35 },
  { name: '20회권 (2개월)', price: 270_000, creditCount: 20, periodDays: 60, weight: 30 },
  { name: '30회권 (3개월)', price: 360_000, creditCount: 30, periodDays: 90, weight: 15 },
  { name: '50회권 (6개월)', price: 550_000, creditCount: 50, periodDays: 180, weight: 10 },
];
