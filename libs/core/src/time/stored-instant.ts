/**
 * An instant as a DATETIME column stores it: whole seconds. MariaDB drops the milliseconds and
 * MySQL rounds them, so a timestamp kept in memory with milliseconds would be answered once with
 * them and read back later without (or a second later). Entities stamp their times through this.
 */
export function storedInstant(instant: Date = new Date()): Date {
  return new Date(Math.floor(instant.getTime() / 1000) * 1000);
}
