import { Transform } from 'class-transformer';

/**
 * The one rule for usernames: surrounding white space is not part of a name, and case never
 * tells two names apart. MariaDB's collation already compares `admin`, `Admin` and `admin   `
 * as equal; everything else that keys on a name (the login limit) must agree with it, or
 * `"admin   "` signs in as admin while being counted as somebody else.
 */
export function usernameKey(raw: unknown): string {
  return typeof raw === 'string' ? raw.trim().toLowerCase() : '';
}

/** On a DTO's username: trims it before validation; the case the member chose is kept for display. */
export const TrimmedUsername = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
