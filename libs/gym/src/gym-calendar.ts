import { Injectable } from '@nestjs/common';
import { AppConfig, Clock, daysBetween, wallClock } from '@app/core';

/** "Today" and "now" as the gym's wall clock shows them (`APP_TIMEZONE`). */
@Injectable()
export class GymCalendar {
  constructor(
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  instant(): Date {
    return this.clock.now();
  }

  now(): { date: string; time: string } {
    return wallClock(this.clock.now(), this.config.gym.timezone);
  }

  today(): string {
    return this.now().date;
  }

  /** Days from today until `date` (0 on the day itself, negative after). */
  daysUntil(date: string): number {
    return daysBetween(this.today(), date);
  }
}
