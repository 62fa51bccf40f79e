/**
 * An instant as a DATETIME column stores it: whole seconds. MariaDB drops the milliseconds and
 * MySQL rounds them, so a timestamp kept in memory with milliseconds would be answered once with
 * them and read back later without (or a second later). Entities stamp their times through this.
 */
export function storedInstant(instant: Date = new Date()): Date {
  return new Date(Math.floor(instant.getTime() / 1000) * 1000);
}

/**
 * A DATETIME column's text as raw SQL reads it (`YYYY-MM-DD HH:mm:ss`: the connection reads dates
 * as strings, and runs in UTC) as the instant it stores.
 */
export function fromStoredDatetime(text: string): Date {
  return new Date(`${text.replace(' ', 'T')}Z`);
}
