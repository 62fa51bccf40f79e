import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * A day as the release sheets name it: `YYYYMMDD`, an 8-digit string (the original system's
 * format, kept because order lists arrive in it).
 */
export type Ymd = string;

/** True for a real calendar day as `YYYYMMDD` (rejects 20261345 and 20260230). */
export function isYmd(value: unknown): value is Ymd {
  if (typeof value !== 'string' || !/^\d{8}$/.test(value)) return false;
  const iso = `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === iso;
}

/** `YYYY-MM-DD` to `YYYYMMDD`. */
export function ymdOf(isoDate: string): Ymd {
  return isoDate.replaceAll('-', '');
}

/** The sheet's heading: `12월 01일 출하지시서` (month and day of the release). */
export function releaseTitle(ymd: Ymd): string {
  return `${ymd.slice(4, 6)}월 ${ymd.slice(6, 8)}일 출하지시서`;
}

/** Validates a `YYYYMMDD` day. */
export function IsYmd(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isYmd',
      validator: {
        validate: (value: unknown) => isYmd(value),
        defaultMessage: (args) => `${args?.property} must be a date as YYYYMMDD`,
      },
    },
    options,
  );
}
