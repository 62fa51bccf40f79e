import { readSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import type { Index } from 'usearch';
import type { IndexLayout } from '../index-file/index-file.format';
import type { Neighbour, SearchOutcome } from './search.protocol';
import { rowOf } from './similarity-search';

/**
 * Searches a memory-mapped HNSW graph (usearch `view`) for the neighbours of an indexed item.
 *
 * What stays in the process: the ids (4 bytes an item) and usearch's lookup tables. The graph and
 * its vectors are pages of the mapped file, and the query row is read from the index file with one
 * positional read per search: both come from the page cache, which every API process on the host
 * shares. A search takes well under a millisecond at a million items (see docs/recommendations.md),
 * so it runs on the event loop; the thread pool remains for the exact scan.
 */
export class AnnSearcher {
  private readonly query: Float32Array;
  private closed = false;

  constructor(
    private readonly graph: Index,
    private readonly ids: Uint32Array,
    private readonly file: FileHandle,
    private readonly layout: IndexLayout,
  ) {
    this.query = new Float32Array(layout.dimension);
  }

  /**
   * The `limit` nearest items by cosine, best first, ties by id, without the item itself or items
   * with no similarity (score ≤ 0): the same answer as the exact scan, up to the graph's recall.
   */
  search(feedId: number, limit: number): SearchOutcome {
    if (this.closed) throw new Error('The HNSW index was closed');
    const row = rowOf(this.ids, feedId);
    if (row < 0) return { status: 'not-indexed' };
    const { dimension, matrixOffset } = this.layout;
    const bytes = new Uint8Array(this.query.buffer);
    const read = readSync(this.file.fd, bytes, 0, bytes.byteLength, matrixOffset + row * dimension * 4);
    if (read !== bytes.byteLength) throw new Error('The index file ended early');
    // an item without text has a zero row: it is like nothing, as in the exact scan
    if (this.query.every((value) => value === 0)) return { status: 'found', neighbours: [] };
    const matches = this.graph.search(this.query, Math.min(limit + 1, this.layout.count), 1);
    const neighbours: Neighbour[] = [];
    for (let i = 0; i < matches.keys.length; i++) {
      const id = Number(matches.keys[i]);
      const score = 1 - matches.distances[i];
      if (id !== feedId && score > 0) neighbours.push({ id, score: Math.min(1, score) });
    }
    neighbours.sort((a, b) => b.score - a.score || a.id - b.id);
    return { status: 'found', neighbours: neighbours.slice(0, limit) };
  }

  /** Closes the index file. The mapping goes when the graph object is collected. */
  async close(): Promise<void> {
    this.closed = true;
    await this.file.close().catch(() => undefined);
  }
}
