import { Logger } from '@nestjs/common';
import type { NPlusOneMode } from '../config/app-config';
import { NPlusOneDetectedError } from './n-plus-one.error';
import { QueryScopes } from './query-scope';

export interface QueryObserverOptions {
  /** A shape may run this many times in one scope; one more is an N+1. */
  threshold: number;
  mode: NPlusOneMode;
}

const logger = new Logger('QueryCounter');

/**
 * MikroORM's `onQuery` hook: it sees every statement the ORM sends, counts it in the
 * current scope and watches for the N+1 signature.
 */
export function createQueryObserver(options: QueryObserverOptions): (sql: string, params: unknown[]) => string {
  if (options.mode === 'off') {
    return (sql) => {
      QueryScopes.current()?.record(sql);
      return sql;
    };
  }
  return (sql) => {
    const scope = QueryScopes.current();
    if (!scope) return sql;
    scope.record(sql);
    const { shape, repeats } = scope.repeatsOf(sql);
    if (repeats > options.threshold && scope.markReported(shape)) {
      const error = new NPlusOneDetectedError(shape, repeats);
      if (options.mode === 'throw') throw error;
      logger.warn(error.message);
    }
    return sql;
  };
}
