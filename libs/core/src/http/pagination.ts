import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ValidationFailedError } from '../errors/validation-failed.error';

/** `?limit=&cursor=` for lists that can grow without bound. */
export class PageQueryDto {
  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 20;

  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Keyset cursors: the sort key of the last item, as opaque base64url JSON. */
export const Cursor = {
  encode(key: (string | number)[]): string {
    return Buffer.from(JSON.stringify(key)).toString('base64url');
  },

  /** Decodes a cursor whose key has the given element types; a bad one is a 400 naming `cursor`. */
  decode<T extends (string | number)[]>(cursor: string, types: ('string' | 'number')[]): T {
    try {
      const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
      if (Array.isArray(key) && key.length === types.length && key.every((value, index) => typeof value === types[index])) return key as T;
    } catch {
      // fall through to the validation error
    }
    throw new ValidationFailedError([{ field: 'cursor', messages: ['cursor is not a cursor this endpoint issued'] }]);
  },
};

/** Builds a page from `limit + 1` rows: the extra row only proves there is a next page. */
export function toPage<Row, Item>(rows: Row[], limit: number, key: (row: Row) => (string | number)[], map: (row: Row) => Item): Page<Item> {
  const items = rows.slice(0, limit);
  const nextCursor = rows.length > limit && items.length > 0 ? Cursor.encode(key(items[items.length - 1])) : null;
  return { items: items.map(map), nextCursor };
}
