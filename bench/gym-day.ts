/**
 * "Today" for the bench and the soak: the gym's day (APP_TIMEZONE), never the UTC day. Between
 * 15:00 and 24:00 UTC the two differ in Asia/Seoul, and a membership bought "today" in UTC is
 * refused as starting in the past.
 */
import { addDays, wallClock } from '@app/core';

/** The date `offsetDays` after the gym's day at `now`, in `timeZone`. */
export function gymDay(now: Date, timeZone: string, offsetDays = 0): string {
  return addDays(wallClock(now, timeZone).date, offsetDays);
}

/** Asks the API under test which time zone it counts days in (`GET /gym`). */
export async function gymTimeZone(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/gym`);
  if (!res.ok) throw new Error(`GET /gym: expected 200, got ${res.status}`);
  return ((await res.json()) as { timeZone: string }).timeZone;
}
