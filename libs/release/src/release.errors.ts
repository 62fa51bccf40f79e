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
