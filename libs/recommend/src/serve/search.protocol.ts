/** Messages between the API's event loop and its search threads. Plain data only. */

export interface Neighbour {
  id: number;
  /** Cosine similarity, in (0, 1]. */
  score: number;
}

export type SearchOutcome = { status: 'found'; neighbours: Neighbour[] } | { status: 'not-indexed' };

export interface SearchRequest {
  taskId: number;
  /** The whole index file in shared memory: posting it shares the memory, it copies nothing. */
  buffer: SharedArrayBuffer;
  dimension: number;
  count: number;
  idsOffset: number;
  matrixOffset: number;
  feedId: number;
  limit: number;
}

export type SearchReply = { taskId: number; outcome: SearchOutcome } | { taskId: number; error: string };
