import { pipeline, type Readable } from 'node:stream';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { CsvError, parse } from 'csv-parse';
import type { NewOrderList } from '../entities/order-list.entity';
import { CreateOrderListDto } from '../http/dto/create-order-list.dto';
import { type CsvLineError, MAX_LISTED_CSV_ERRORS } from '../release.errors';

/** The header an import file starts with; the columns may come in any order. */
export const ORDER_LIST_CSV_COLUMNS = ['ymd', 'code', 'codeName', 'locationName', 'count'] as const;

/** Order lines one file may hold: one transaction stays short (10,000 lines insert in about a second). */
export const MAX_IMPORTED_ORDER_LINES = 20_000;

export interface ReadOrderLines {
  /** The valid lines, in file order. */
  rows: NewOrderList[];
  /** The first `MAX_LISTED_CSV_ERRORS` problems. */
  errors: CsvLineError[];
  /** All problems found. */
  errorCount: number;
}

type Column = (typeof ORDER_LIST_CSV_COLUMNS)[number];

/** class-validator's names of the rules about a value's type. */
const TYPE_RULES = ['isInt', 'isString'];

/** How many times `pattern` (global) occurs in the record's fields. */
function countIn(record: string[], pattern: RegExp): number {
  return record.reduce((sum, field) => sum + (field.match(pattern)?.length ?? 0), 0);
}

/** Where each column is in the file, or the problem with the header. */
function readHeader(record: string[]): Map<Column, number> | string {
  const names = record.map((name) => name.trim());
  const positions = new Map<Column, number>(ORDER_LIST_CSV_COLUMNS.map((column) => [column, names.indexOf(column)]));
  const expected = ORDER_LIST_CSV_COLUMNS.join(',');
  if (names.length !== ORDER_LIST_CSV_COLUMNS.length || [...positions.values()].includes(-1)) {
    return `The first line must be the header ${expected} (in any order), not ${names.join(',').slice(0, 200)}`;
  }
  return positions;
}

/** One line's fields with the creation route's rules (`CreateOrderListDto`), or its problems. */
function readLine(line: number, record: string[], positions: Map<Column, number>): NewOrderList | CsvLineError[] {
  if (record.length !== ORDER_LIST_CSV_COLUMNS.length) {
    return [{ line, field: null, message: `The line has ${record.length} fields; the header has ${ORDER_LIST_CSV_COLUMNS.length}` }];
  }
  const field = (column: Column) => record[positions.get(column)!];
  const count = field('count');
  const input = {
    ymd: field('ymd'),
    code: field('code'),
    codeName: field('codeName'),
    locationName: field('locationName'),
    // digits only: Number() would also read "1e3", "0x10" and " 7"
    count: /^-?\d{1,9}$/.test(count) ? Number(count) : count,
  };
  const problems = validateSync(plainToInstance(CreateOrderListDto, input));
  if (problems.length === 0) return input as NewOrderList;
  return problems.flatMap(({ property, constraints = {} }) => {
    // a value of the wrong type breaks its range rules too; say only what it is: "1e3" is not an integer
    const typeRule = TYPE_RULES.find((rule) => rule in constraints);
    const messages = typeRule ? [constraints[typeRule]] : Object.values(constraints);
    return messages.map((message) => ({ line, field: property, message }));
  });
}

/**
 * Reads an order-list CSV as it streams in (csv-parse: quoted fields with commas or line breaks, a
 * UTF-8 BOM, CRLF or LF line ends, blank lines skipped) and validates every line, collecting every
 * problem with the file's line number (the header is line 1; a quoted field spanning lines counts
 * them all). A header or quoting problem ends the reading: what follows cannot be trusted.
 */
export async function readOrderListCsv(source: Readable): Promise<ReadOrderLines> {
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true });
  // errors of the source (a body over the limit) reach the loop below through the parser
  pipeline(source, parser, () => undefined);
  const rows: NewOrderList[] = [];
  const errors: CsvLineError[] = [];
  let errorCount = 0;
  const report = (problems: CsvLineError[]) => {
    errorCount += problems.length;
    errors.push(...problems.slice(0, MAX_LISTED_CSV_ERRORS - errors.length));
  };
  let positions: Map<Column, number> | undefined;
  // csv-parse counts a CRLF inside a quoted field as two lines: what it counted too many so far
  let overcounted = 0;
  let endLine = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      overcounted += countIn(record, /\r\n/g);
      endLine = info.lines - overcounted;
      const line = endLine - countIn(record, /\r\n|\r|\n/g);
      if (!positions) {
        const header = readHeader(record);
        if (typeof header === 'string') {
          report([{ line, field: null, message: header }]);
          break;
        }
        positions = header;
        continue;
      }
      if (rows.length + errorCount >= MAX_IMPORTED_ORDER_LINES) {
        report([{ line, field: null, message: `A file holds at most ${MAX_IMPORTED_ORDER_LINES} order lines; split it` }]);
        break;
      }
      const read = readLine(line, record, positions);
      if (Array.isArray(read)) report(read);
      else rows.push(read);
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const at = (error as CsvError & { lines?: number }).lines;
    report([{ line: typeof at === 'number' && at > overcounted ? at - overcounted : endLine + 1, field: null, message: error.message }]);
  }
  if (!positions && errorCount === 0) {
    report([{ line: 1, field: null, message: `The file is empty; its first line must be the header ${ORDER_LIST_CSV_COLUMNS.join(',')}` }]);
  } else if (rows.length === 0 && errorCount === 0) {
    report([{ line: 2, field: null, message: 'The file has no order lines after the header' }]);
  }
  return { rows, errors, errorCount };
}
