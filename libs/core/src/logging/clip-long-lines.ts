/** The longest line a logged error keeps: a failed statement's message carries its SQL with every value. */
export const MAX_LOGGED_LINE = 2_000;

/**
 * Cuts each line of `text` to `max` characters, saying how many were left out. An error from a
 * batched insert names the whole statement, 500 rows of values (a warehouse's order lines, say):
 * the log keeps the start, which says what failed, not every row.
 */
export function clipLongLines(text: string, max = MAX_LOGGED_LINE): string {
  return text
    .split('\n')
    .map((line) => (line.length > max ? `${line.slice(0, max)} … (${line.length - max} more characters)` : line))
    .join('\n');
}
