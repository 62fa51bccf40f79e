import { AsyncLocalStorage } from 'node:async_hooks';
import { queryShape } from './query-shape';

/** The statements one unit of work (an HTTP request, a captured block) has run. */
export class QueryScope {
  readonly statements: string[] = [];
  private readonly shapes = new Map<string, number>();
  private readonly reported = new Set<string>();

  get count(): number {
    return this.statements.length;
  }

  /** Records a statement; returns how many times its shape has run in this scope. */
  record(sql: string): { shape: string; repeats: number } {
    this.statements.push(sql);
    const shape = queryShape(sql);
    const repeats = (this.shapes.get(shape) ?? 0) + 1;
    this.shapes.set(shape, repeats);
    return { shape, repeats };
  }

  /** True the first time a shape is reported in this scope, so each N+1 is logged once. */
  markReported(shape: string): boolean {
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
};
