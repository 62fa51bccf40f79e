import { Injectable, PipeTransform, ArgumentMetadata } from '@nestjs/common';
import { ValidationFailedError } from '../errors/validation-failed.error';

const MAX_ID = 2_147_483_647;

/** Parses a path id: a positive integer, else 400 `VALIDATION_FAILED` naming the parameter. */
@Injectable()
export class IdParamPipe implements PipeTransform<string, number> {
  transform(value: string, metadata: ArgumentMetadata): number {
    const id = /^\d{1,10}$/.test(value) ? Number(value) : NaN;
    if (!Number.isInteger(id) || id < 1 || id > MAX_ID) {
      const field = metadata.data ?? 'id';
      throw new ValidationFailedError([{ field, messages: [`${field} must be a positive integer`] }]);
    }
    return id;
  }
}
