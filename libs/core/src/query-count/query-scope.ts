import { AsyncLocalStorage } from 'node:async_hooks';
import { queryShape } from './query-shape';

/**
 * The statements one unit of work (an HTTP request, a captured block) has run. Counting is all a
 * request scope does by default; the text and the shapes cost a string and five regular
 * expressions per statement, so they are kept only where something reads them: the text for
 * `captureQueries`, the shapes for the N+1 detector.
 */
export class QueryScope {
  private counted = 0;
  private readonly texts: string[] | undefined;
  private shapes: Map<string, number> | undefined;
  private reported: Set<string> | undefined;
  /** Blocks running whose statements repeat on purpose (`QueryScopes.inBatches`). */
  private batching = 0;
  private pinned = false;

  constructor(options: { keepText?: boolean } = {}) {
    this.texts = options.keepText ? [] : undefined;
  }

  get count(): number {
    return this.counted;
  }

  /** The statements' SQL, in order; empty unless the scope was created with `keepText`. */
  get statements(): readonly string[] {
    return this.texts ?? [];
  }

  /**
   * True once the unit of work may have written (a write statement ran, or the request's method
   * writes): its reads then go to the primary, never to a read replica that may lag behind.
   */
  get readsFromPrimary(): boolean {
    return this.pinned;
  }

  pinToPrimary(): void {
    this.pinned = true;
  }

  /** Counts a statement (and keeps its text when asked to). */
  record(sql: string): void {
    this.counted += 1;
    this.texts?.push(sql);
  }

  /** The statement's shape and how many times that shape has run in this scope, this one included. */
  repeatsOf(sql: string): { shape: string; repeats: number } {
    this.shapes ??= new Map();
    const shape = queryShape(sql);
    if (this.batching > 0) return { shape, repeats: 1 };
    const repeats = (this.shapes.get(shape) ?? 0) + 1;
    this.shapes.set(shape, repeats);
    return { shape, repeats };
  }

  /** Runs `fn` with repeat detection off; its statements still count. */
  async batched<T>(fn: () => Promise<T>): Promise<T> {
    this.batching += 1;
    try {
      return await fn();
    } finally {
      this.batching -= 1;
    }
  }

  /** True the first time a shape is reported in this scope, so each N+1 is logged once. */
  markReported(shape: string): boolean {
    this.reported ??= new Set();
    if (this.reported.has(shape)) return false;
    this.reported.add(shape);
    return true;
  }
}

const storage = new AsyncLocalStorage<QueryScope>();

export const QueryScopes = {
  /** Runs `fn` with a fresh scope; everything it awaits records into that scope. */
  run<T>(scope: QueryScope, fn: () => T): T {
    return storage.run(scope, fn);
  },
  current(): QueryScope | undefined {
    return storage.getStore();
  },
  /**
   * Runs `fn`, whose statements repeat on purpose and a bounded number of times (a bulk insert in
   * fixed-size batches: 10,000 rows are 20 INSERTs of 500): they count as usual, but the N+1
   * detector does not take them for one.
   */
  inBatches<T>(fn: () => Promise<T>): Promise<T> {
    const scope = storage.getStore();
    return scope ? scope.batched(fn) : fn();
  },
};
