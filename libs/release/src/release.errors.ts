import { DomainError } from '@app/core';

export class CarNumberTakenError extends DomainError {
  constructor(carNumber: string) {
    super('CAR_NUMBER_TAKEN', `A car numbered "${carNumber}" already exists`);
  }
}

/** The orders to load must all exist and belong to the day being loaded. */
export class InvalidOrderListError extends DomainError {
  constructor(problems: { unknown: number[]; otherDay: number[] }) {
    const parts = [
      problems.unknown.length > 0 ? `no order lists ${problems.unknown.join(', ')}` : '',
      problems.otherDay.length > 0 ? `order lists ${problems.otherDay.join(', ')} are of another day` : '',
    ];
    super('INVALID_ORDER_LIST', `Nothing was loaded: ${parts.filter(Boolean).join('; ')}`);
  }
}

/** A problem on one line of an imported file: `field` is the column, null when the whole line is wrong. */
export interface CsvLineError {
  line: number;
  field: string | null;
  message: string;
}

/** Errors listed in an answer at most; the message gives the total. */
export const MAX_LISTED_CSV_ERRORS = 100;

/** An import refused as a whole: nothing was written. Lists the first `MAX_LISTED_CSV_ERRORS` problems. */
export class InvalidCsvError extends DomainError {
  readonly errors: CsvLineError[];

  constructor(errors: CsvLineError[], total = errors.length) {
    const listed = errors.slice(0, MAX_LISTED_CSV_ERRORS);
    const more = total > listed.length ? `; the first ${listed.length} are listed` : '';
    super('INVALID_CSV', `Nothing was imported: ${total} ${total === 1 ? 'problem' : 'problems'} in the file${more}`);
    this.errors = listed;
  }

  override get extraFields(): Record<string, unknown> {
    return { errors: this.errors };
  }
}
