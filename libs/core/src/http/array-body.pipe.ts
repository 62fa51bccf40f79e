import { Injectable, type PipeTransform } from '@nestjs/common';
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { type FieldError, ValidationFailedError } from '../errors/validation-failed.error';

export interface ArrayBodyOptions {
  minItems?: number;
  maxItems: number;
}

/**
 * Validates a JSON array body element by element against a DTO class, with the global pipe's
 * rules (unknown fields refused, values transformed). The global ValidationPipe skips arrays,
 * since `Array` is all the metadata it sees. Errors name the element: `0.count`, `3.ymd`.
 */
@Injectable()
export class ArrayBodyPipe<T extends object> implements PipeTransform<unknown, Promise<T[]>> {
  constructor(
    private readonly itemType: ClassConstructor<T>,
    private readonly options: ArrayBodyOptions,
  ) {}

  async transform(value: unknown): Promise<T[]> {
    const { minItems = 1, maxItems } = this.options;
    if (!Array.isArray(value)) throw new ValidationFailedError([{ field: 'body', messages: ['body must be an array'] }]);
    if (value.length < minItems || value.length > maxItems) {
      throw new ValidationFailedError([{ field: 'body', messages: [`body must contain from ${minItems} to ${maxItems} elements`] }]);
    }
    const items: T[] = [];
    const errors: FieldError[] = [];
    for (const [index, element] of value.entries()) {
      if (typeof element !== 'object' || element === null || Array.isArray(element)) {
        errors.push({ field: String(index), messages: [`${index} must be an object`] });
        continue;
      }
      const item = plainToInstance(this.itemType, element);
      const problems = await validate(item, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
      errors.push(...ValidationFailedError.fromValidationErrors(problems.map((problem) => nest(problem, index))).errors);
      items.push(item);
    }
    if (errors.length > 0) throw new ValidationFailedError(errors);
    return items;
  }
}

/** Puts an element's error under its index, so the field reads `index.property`. */
function nest(error: ValidationError, index: number): ValidationError {
  return { property: String(index), children: [error], constraints: undefined, value: undefined, target: undefined } as ValidationError;
}
