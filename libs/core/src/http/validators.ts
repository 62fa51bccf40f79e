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
