import { useGetOne } from 'react-admin';
import { intlLocale } from '../i18n/i18n-provider';

export interface GymClock {
  timeZone: string;
  /** `YYYY-MM-DD` in the gym's zone */
  today: string;
  now: string;
}

/** The gym's zone and day from `GET /gym`: the console shows every time as the gym's, wherever staff sit. */
export function useGymClock(): GymClock | undefined {
  const { data } = useGetOne<GymClock & { id: string }>('gym', { id: 'clock' }, { staleTime: 60_000 });
  return data;
}

/** `2026-12-01 09:41` in the gym's zone (the browser's zone never shows). */
export function formatInstant(iso: string | null | undefined, timeZone: string | undefined): string {
  if (!iso) return '';
  const parts = new Intl.DateTimeFormat(intlLocale(), {
    timeZone: timeZone ?? 'Asia/Seoul',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

/** `YYYYMMDD` (the release day format) from `YYYY-MM-DD`. */
export function ymdOf(isoDate: string): string {
  return isoDate.replaceAll('-', '');
}
