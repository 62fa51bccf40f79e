import { QueryScope, QueryScopes } from './query-scope';

export interface CapturedQueries<T> {
  result: T;
  statements: string[];
  count: number;
}

/**
 * Runs `fn` and returns the SQL statements it ran, like Django's `CaptureQueriesContext`.
 * Only statements awaited inside `fn` are counted.
 */
export async function captureQueries<T>(fn: () => Promise<T>): Promise<CapturedQueries<T>> {
  const scope = new QueryScope({ keepText: true });
  const result = await QueryScopes.run(scope, fn);
  return { result, statements: [...scope.statements], count: scope.count };
}
