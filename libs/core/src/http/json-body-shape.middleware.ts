import type { NextFunction, Request, Response } from 'express';
import { DomainError } from '../errors/domain-error';
import { ValidationFailedError } from '../errors/validation-failed.error';

/** Deeper than any body the API accepts (the deepest, a poll with questions, is 3 levels). */
export const MAX_JSON_DEPTH = 32;

/** Names an object inherits: as body keys they would be dropped or shadow a method, never a field. */
const INHERITED_NAMES = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/** Half of a surrogate pair without its other half: no character, and MySQL would store U+FFFD. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export class JsonTooDeepError extends DomainError {
  constructor() {
    super('MALFORMED_JSON', `The request body nests deeper than ${MAX_JSON_DEPTH} levels`);
  }
}

/**
 * Express middleware right after the JSON body parser. It walks the parsed body without recursion,
 * so no body can exhaust the stack of the validation that follows: nesting past `MAX_JSON_DEPTH` is
 * 400 `MALFORMED_JSON`, and a key named like an inherited member (`__proto__`, `constructor`,
 * `toString`, …) is 400 `VALIDATION_FAILED` like any other unknown field, instead of being
 * silently stripped; so is a string holding a lone surrogate (`"\ud800"`), which the database
 * would store as U+FFFD, so that later reads would differ from the answer to the write.
 */
export function jsonBodyShape(req: Request, _res: Response, next: NextFunction): void {
  const body: unknown = req.body;
  if (typeof body !== 'object' || body === null) return next();
  const pending: { value: object; depth: number; path: string }[] = [{ value: body, depth: 1, path: '' }];
  for (let item = pending.pop(); item; item = pending.pop()) {
    if (item.depth > MAX_JSON_DEPTH) return next(new JsonTooDeepError());
    for (const key of Object.keys(item.value)) {
      const field = `${item.path}${key}`;
      if (!Array.isArray(item.value) && INHERITED_NAMES.has(key)) {
        return next(new ValidationFailedError([{ field, messages: [`property ${key} should not exist`] }]));
      }
      const child: unknown = (item.value as Record<string, unknown>)[key];
      if ((typeof child === 'string' && LONE_SURROGATE.test(child)) || LONE_SURROGATE.test(key)) {
        return next(
          new ValidationFailedError([{ field, messages: [`${field} must be well-formed Unicode text (it holds a lone surrogate)`] }]),
        );
      }
      if (typeof child === 'object' && child !== null) pending.push({ value: child, depth: item.depth + 1, path: `${field}.` });
    }
  }
  next();
}
