import { Injectable } from '@nestjs/common';
import { AppConfig, Clock, daysBetween, isoInZone, wallClock } from '@app/core';

/** "Today" and "now" as the gym's wall clock shows them (`APP_TIMEZONE`). */
@Injectable()
export class GymCalendar {
  constructor(
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** The IANA name of the gym's time zone (`APP_TIMEZONE`). */
  get timeZone(): string {
    return this.config.gym.timezone;
  }

  instant(): Date {
    return this.clock.now();
  }

  now(): { date: string; time: string } {
    return wallClock(this.clock.now(), this.config.gym.timezone);
  }

  /** This instant with the gym's offset: 2026-11-30T09:35:00.000+09:00. */
  nowIso(): string {
    return isoInZone(this.clock.now(), this.config.gym.timezone);
  }

  /** The gym's wall clock `minutes` from now: lessons starting before it are within that many minutes. */
  nowPlus(minutes: number): { date: string; time: string } {
    return wallClock(new Date(this.clock.now().getTime() + minutes * 60_000), this.config.gym.timezone);
  }

  today(): string {
    return this.now().date;
  }

  /** Days from today until `date` (0 on the day itself, negative after). */
  daysUntil(date: string): number {
    return daysBetween(this.today(), date);
  }
}
