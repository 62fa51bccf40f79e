import { type LoadedIndex } from '../index-file/index-file.reader';
import { layoutFor } from '../index-file/index-file.format';
import { SearchPoolClosedError, SearchThreadPool } from './search-thread.pool';
import { findNearest, rowOf } from './similarity-search';

/** An index in shared memory built in place: ids and unit vectors given row by row. */
function sharedIndex(ids: number[], rows: number[][]): LoadedIndex {
  const dimension = rows[0]?.length ?? 4;
  const layout = layoutFor(dimension, ids.length, Date.now());
  const buffer = new SharedArrayBuffer(layout.byteLength);
  new Uint32Array(buffer, layout.idsOffset, ids.length).set(ids);
  const vectors = new Float32Array(buffer, layout.matrixOffset, ids.length * dimension);
  rows.forEach((row, i) => {
    const norm = Math.hypot(...row) || 1;
    vectors.set(
      row.map((value) => value / norm),
      i * dimension,
    );
  });
  return { buffer, layout, fileIdentity: 'memory' };
}

const ids = [2, 5, 9, 12, 30];
const rows = [
  [1, 0, 0, 0],
  [0.9, 0.1, 0, 0],
  [0.5, 0.5, 0, 0],
  [0, 0, 1, 0],
  [0.9, 0.1, 0, 0],
];

describe('similarity search', () => {
  const views = (index: LoadedIndex) => ({
    ids: new Uint32Array(index.buffer, index.layout.idsOffset, index.layout.count),
    vectors: new Float32Array(index.buffer, index.layout.matrixOffset, index.layout.count * index.layout.dimension),
  });

  it('finds rows by id with a binary search', () => {
    const sorted = Uint32Array.from([1, 4, 8, 15, 16, 23, 42]);
    expect([1, 4, 8, 15, 16, 23, 42].map((id) => rowOf(sorted, id))).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect([0, 5, 43].map((id) => rowOf(sorted, id))).toEqual([-1, -1, -1]);
    expect(rowOf(new Uint32Array(0), 1)).toBe(-1);
  });

  it('ranks by cosine, best first, ties by id, without the item itself or unrelated items', () => {
    const { ids: idView, vectors } = views(sharedIndex(ids, rows));
    const outcome = findNearest(idView, vectors, 4, 2, 10);
    expect(outcome.status).toBe('found');
    if (outcome.status !== 'found') return;
    expect(outcome.neighbours.map((n) => n.id)).toEqual([5, 30, 9]);
    expect(outcome.neighbours[0].score).toBeCloseTo(0.9 / Math.hypot(0.9, 0.1), 5);
    expect(outcome.neighbours[0].score).toBe(outcome.neighbours[1].score);
    expect(outcome.neighbours[2].score).toBeCloseTo(Math.SQRT1_2, 5);
    expect(findNearest(idView, vectors, 4, 2, 2)).toEqual({ status: 'found', neighbours: outcome.neighbours.slice(0, 2) });
    expect(findNearest(idView, vectors, 4, 12, 10)).toEqual({ status: 'found', neighbours: [] });
    expect(findNearest(idView, vectors, 4, 7, 10)).toEqual({ status: 'not-indexed' });
  });

  describe('in the thread pool', () => {
    let pool: SearchThreadPool;

    beforeAll(async () => {
      pool = new SearchThreadPool(2);
      await pool.start();
    });
    afterAll(() => pool.close());

    it('answers like the kernel, from threads', async () => {
      const index = sharedIndex(ids, rows);
      const { ids: idView, vectors } = views(index);
      await expect(pool.search(index, 2, 10)).resolves.toEqual(findNearest(idView, vectors, 4, 2, 10));
      await expect(pool.search(index, 999, 10)).resolves.toEqual({ status: 'not-indexed' });
    });

    it('shares the buffer with the threads instead of copying it', async () => {
      const index = sharedIndex(ids, rows);
      const before = await pool.search(index, 12, 3);
      expect(before).toEqual({ status: 'found', neighbours: [] });
      // change row 9 in place, from this thread: the threads see the same memory
      new Float32Array(index.buffer, index.layout.matrixOffset + 2 * 4 * 4, 4).set([0, 0, 1, 0]);
      await expect(pool.search(index, 12, 3)).resolves.toEqual({ status: 'found', neighbours: [{ id: 9, score: 1 }] });
    });

    it('spreads concurrent searches over every thread and keeps old and new indexes apart', async () => {
      const old = sharedIndex(ids, rows);
      const next = sharedIndex(
        [2, 7],
        [
          [1, 0, 0, 0],
          [1, 0, 0, 0],
        ],
      );
      const before = pool.searchesPerThread();
      const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => pool.search(i % 2 ? next : old, 2, 1)));
      expect(outcomes.filter((_, i) => i % 2 === 1).every((o) => o.status === 'found' && o.neighbours[0].id === 7)).toBe(true);
      expect(outcomes.filter((_, i) => i % 2 === 0).every((o) => o.status === 'found' && o.neighbours[0].id === 5)).toBe(true);
      const after = pool.searchesPerThread();
      expect(after).toHaveLength(2);
      expect(after.every((count, i) => count > before[i])).toBe(true);
    });

    it('fails only the task that breaks in a thread, and keeps serving', async () => {
      const index = sharedIndex(ids, rows);
      const broken: LoadedIndex = { ...index, layout: { ...index.layout, matrixOffset: index.layout.byteLength + 4 } };
      await expect(pool.search(broken, 2, 3)).rejects.toThrow(/^Search failed: .*(offset|length|bounds)/i);
      await expect(pool.search(index, 2, 1)).resolves.toMatchObject({ status: 'found', neighbours: [{ id: 5 }] });
    });

    it('refuses work once closed', async () => {
      const closed = new SearchThreadPool(1);
      await closed.start();
      await closed.close();
      await expect(closed.search(sharedIndex(ids, rows), 2, 1)).rejects.toBeInstanceOf(SearchPoolClosedError);
      await expect(new SearchThreadPool(1).search(sharedIndex(ids, rows), 2, 1)).rejects.toThrow(/no threads/);
    });
  });
});
