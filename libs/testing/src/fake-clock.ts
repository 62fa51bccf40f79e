import { Clock } from '@app/core';

/** A clock that stands still at a chosen instant until told otherwise. */
export class FakeClock extends Clock {
  private current: Date;

  constructor(start: Date | string) {
    super();
    this.current = new Date(start);
  }

  override now(): Date {
    return new Date(this.current);
  }

  set(instant: Date | string): void {
    this.current = new Date(instant);
  }
}
