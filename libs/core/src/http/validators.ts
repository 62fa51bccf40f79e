import { Matches, ValidateBy, type ValidationOptions } from 'class-validator';
import { isCalendarDate } from '../time/zoned-date';

/** A real calendar date as `YYYY-MM-DD`. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isCalendarDate(value),
        defaultMessage: (args) => `${args?.property} must be a date as YYYY-MM-DD`,
      },
    },
    options,
  );
}

/** A time of day as `HH:mm` (00:00 to 23:59). */
export function IsTimeOfDay(options?: ValidationOptions): PropertyDecorator {
  return Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: '$property must be a time of day as HH:mm', ...options });
}

/** Characters as MySQL counts them in a utf8mb4 column: code points (`❤️` is two, `😀` one). */
export function codePointLength(value: string): number {
  let length = 0;
  for (const _ of value) length++;
  return length;
}

/**
 * A string of `min` to `max` characters, counted as the column counts them. class-validator's
 * `@Length` counts `❤️` (heart and variation selector) as one, so 65 of them passed a 64 limit and
 * failed the insert with a 500; use this on every text field stored in a `varchar`.
 */
export function TextLength(min: number, max: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'textLength',
      constraints: [min, max],
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string') return false;
          const length = codePointLength(value);
          return length >= min && length <= max;
        },
        defaultMessage: (args) =>
          `${args?.property}${options?.each ? ' items' : ''} must be ${min === 0 ? 'at most' : `${min} to`} ${max} characters long`,
      },
    },
    options,
  );
}

/**
 * A date range's end: not before the date in `startProperty` (both `YYYY-MM-DD`, so they compare
 * as strings). Either side may be absent.
 */
export function IsNotBefore(startProperty: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isNotBefore',
      constraints: [startProperty],
      validator: {
        validate: (value: unknown, args) => {
          const start = (args?.object as Record<string, unknown> | undefined)?.[startProperty];
          return typeof value !== 'string' || typeof start !== 'string' || value >= start;
        },
        defaultMessage: (args) => `${args?.property} must not be before ${startProperty}`,
      },
    },
    options,
  );
}

/**
 * A range's end strictly after the value in `startProperty` (`YYYY-MM-DD` dates or `HH:mm` times,
 * which compare as strings). Either side may be absent; their own validators say so.
 */
export function IsAfter(startProperty: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isAfter',
      constraints: [startProperty],
      validator: {
        validate: (value: unknown, args) => {
          const start = (args?.object as Record<string, unknown> | undefined)?.[startProperty];
          return typeof value !== 'string' || typeof start !== 'string' || value > start;
        },
        defaultMessage: (args) => `${args?.property} must be after ${startProperty}`,
      },
    },
    options,
  );
}
