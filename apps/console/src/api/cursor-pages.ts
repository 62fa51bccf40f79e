/**
 * react-admin asks for page n; the API answers cursors. This remembers, per list query (resource,
 * filter, page size), the cursor that starts each page it has seen, so the next and previous pages
 * are one request each. A page asked for out of order (a bookmarked `page=4`) is reached by walking
 * from the last page known: each step is one bounded request, never a whole table.
 */
export class CursorPages {
  private readonly starts = new Map<string, Array<string | null>>();

  constructor(private readonly maxQueries = 200) {}

  async page<T>(
    key: string,
    page: number,
    fetchPage: (cursor: string | null) => Promise<{ items: T[]; nextCursor: string | null }>,
  ): Promise<{ items: T[]; hasNextPage: boolean }> {
    const starts = this.startsOf(key);
    let known = Math.min(page, starts.length) - 1;
    while (known >= 0 && starts[known] === undefined) known -= 1;
    let index = Math.max(known, 0);
    // a null start past the first page: the list ended before it
    if (index > 0 && starts[index] === null) return { items: [], hasNextPage: false };
    let cursor = starts[index] ?? null;
    for (;;) {
      const result = await fetchPage(cursor);
      starts[index + 1] = result.nextCursor;
      if (index + 1 === page || result.nextCursor === null) {
        return index + 1 === page ? { items: result.items, hasNextPage: result.nextCursor !== null } : { items: [], hasNextPage: false };
      }
      cursor = result.nextCursor;
      index += 1;
    }
  }

  /** After a write, a list's pages may start elsewhere: forget them. */
  forget(resource: string): void {
    for (const key of this.starts.keys()) if (key.startsWith(`${resource}|`)) this.starts.delete(key);
  }

  private startsOf(key: string): Array<string | null> {
    let starts = this.starts.get(key);
    if (!starts) {
      if (this.starts.size >= this.maxQueries) this.starts.delete(this.starts.keys().next().value as string);
      starts = [null];
      this.starts.set(key, starts);
    }
    return starts;
  }
}
