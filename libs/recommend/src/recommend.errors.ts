import { DomainError } from '@app/core';

/** 404 `NOT_INDEXED`: the item exists but came after the last index rebuild. */
export class NotIndexedError extends DomainError {
  constructor(feedId: number) {
    super('NOT_INDEXED', `Feed ${feedId} is newer than the recommendation index; it is included from the next rebuild`);
  }
}

/** 503 `INDEX_NOT_READY`: no index file has been built yet. */
export class IndexNotReadyError extends DomainError {
  constructor() {
    super('INDEX_NOT_READY');
  }
}
