import type { TransformFnParams } from 'class-transformer';

/** `?id=12` to 12; anything but 1 to 10 digits stays as it is, for the validators to refuse. */
export const toIdParam = ({ value }: TransformFnParams): unknown =>
  typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : value;

/** `?flag=true|false` to a boolean; anything else stays as it is, for the validators to refuse. */
export const toBooleanParam = ({ value }: TransformFnParams): unknown => (value === 'true' ? true : value === 'false' ? false : value);
