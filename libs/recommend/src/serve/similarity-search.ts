/*
 * What a search thread runs. These functions are sent to the thread as their own source text (see
 * search-thread.source.ts), so each must stay self-contained: no imports but types, no calls but
 * to each other and to JavaScript built-ins.
 */
import type { Neighbour, SearchOutcome, SearchReply, SearchRequest } from './search.protocol';

/** Index of `id` in the ascending `ids`, or -1. */
export function rowOf(ids: Uint32Array, id: number): number {
  let low = 0;
  let high = ids.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const value = ids[middle];
    if (value === id) return middle;
    if (value < id) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/**
 * The `limit` rows nearest to the row of `feedId` by cosine similarity (rows are L2-normalised,
 * so the dot product is the cosine), best first, ties by id. The item itself and rows with no
 * similarity at all (score ≤ 0) are left out. A brute-force scan keeping a sorted top-k.
 */
export function findNearest(ids: Uint32Array, vectors: Float32Array, dimension: number, feedId: number, limit: number): SearchOutcome {
  const self = rowOf(ids, feedId);
  if (self < 0) return { status: 'not-indexed' };
  const query = vectors.subarray(self * dimension, (self + 1) * dimension);
  const topScores = new Float64Array(limit);
  const topRows = new Int32Array(limit);
  let size = 0;
  for (let row = 0; row < ids.length; row++) {
    if (row === self) continue;
    const base = row * dimension;
    let dot = 0;
    let i = 0;
    for (; i + 3 < dimension; i += 4) {
      dot +=
        query[i] * vectors[base + i] +
        query[i + 1] * vectors[base + i + 1] +
        query[i + 2] * vectors[base + i + 2] +
        query[i + 3] * vectors[base + i + 3];
    }
    for (; i < dimension; i++) dot += query[i] * vectors[base + i];
    if (dot <= 0 || (size === limit && dot <= topScores[size - 1])) continue;
    let at = size < limit ? size++ : size - 1;
    while (at > 0 && topScores[at - 1] < dot) {
      topScores[at] = topScores[at - 1];
      topRows[at] = topRows[at - 1];
      at--;
    }
    topScores[at] = dot;
    topRows[at] = row;
  }
  const neighbours: Neighbour[] = [];
  for (let k = 0; k < size; k++) neighbours.push({ id: ids[topRows[k]], score: Math.min(1, topScores[k]) });
  return { status: 'found', neighbours };
}

/** Answers one request on views over the shared buffer: the index is read in place, never copied. */
export function serveSearch(request: SearchRequest): SearchReply {
  try {
    const ids = new Uint32Array(request.buffer, request.idsOffset, request.count);
    const vectors = new Float32Array(request.buffer, request.matrixOffset, request.count * request.dimension);
    return { taskId: request.taskId, outcome: findNearest(ids, vectors, request.dimension, request.feedId, request.limit) };
  } catch (error) {
    return { taskId: request.taskId, error: error instanceof Error ? error.message : String(error) };
  }
}
