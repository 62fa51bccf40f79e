/** Calendar arithmetic on `YYYY-MM-DD` strings and wall-clock time in a named time zone. */

const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Building an `Intl.DateTimeFormat` costs far more than using one: keep one per time zone. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    const options = {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    } as const;
    formatter = new Intl.DateTimeFormat('en-CA', options);
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The two minutes last read per time zone: the clock is read many times a minute, and formatting
 * is the cost. Two, because one request may read two minutes in turn (now, and now plus the
 * waitlist cutoff); with one slot each would evict the other.
 */
const recentMinutes = new Map<string, { minute: number; clock: { date: string; time: string } }[]>();

/** The wall-clock date and time of `instant` in `timeZone`: `{ date: 'YYYY-MM-DD', time: 'HH:mm' }`. */
export function wallClock(instant: Date, timeZone: string): { date: string; time: string } {
  // every zone's offset is a whole number of minutes, so one minute of instants has one answer
  const minute = Math.floor(instant.getTime() / 60_000);
  const recent = recentMinutes.get(timeZone) ?? [];
  const known = recent.find((entry) => entry.minute === minute);
  if (known) return { ...known.clock };
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  const clock = { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
  recentMinutes.set(timeZone, [{ minute, clock }, ...recent.slice(0, 1)]);
  return { ...clock };
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** True for a real calendar date in `YYYY-MM-DD` form (rejects 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

const pad2 = (value: number) => String(value).padStart(2, '0');

/**
 * `instant` as an ISO 8601 date-time with the offset `timeZone` has at that instant:
 * 2026-11-30T09:35:00.000+09:00. The same instant as `toISOString()`, written as the gym reads it.
 */
export function isoInZone(instant: Date, timeZone: string): string {
  const { date, time } = wallClock(instant, timeZone);
  const minuteStart = Math.floor(instant.getTime() / 60_000) * 60_000;
  const offset = Math.round((Date.parse(`${date}T${time}:00Z`) - minuteStart) / 60_000);
  const local = new Date(instant.getTime() + offset * 60_000).toISOString().slice(0, 23);
  const sign = offset < 0 ? '-' : '+';
  return `${local}${sign}${pad2(Math.floor(Math.abs(offset) / 60))}:${pad2(Math.abs(offset) % 60)}`;
}
