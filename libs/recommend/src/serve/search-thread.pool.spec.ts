import { SearchThreadPool } from './search-thread.pool';
import type { LoadedIndex } from '../index-file/index-file.reader';

/** An index of three unit vectors in two dimensions, laid out as the index file lays it out. */
function tinyIndex(): LoadedIndex {
  const ids = [1, 2, 3];
  const vectors = [1, 0, 0.8, 0.6, 0, 1];
  const buffer = new SharedArrayBuffer(ids.length * 4 + vectors.length * 4);
  new Uint32Array(buffer, 0, ids.length).set(ids);
  new Float32Array(buffer, ids.length * 4, vectors.length).set(vectors);
  return { buffer, layout: { dimension: 2, count: ids.length, idsOffset: 0, matrixOffset: ids.length * 4 } } as unknown as LoadedIndex;
}

describe('SearchThreadPool', () => {
  it('runs its searches in threads whose program is sent as text, without loading a compiler', async () => {
    const pool = new SearchThreadPool(2);
    await pool.start();
    try {
      const outcome = await pool.search(tinyIndex(), 1, 5);
      expect(outcome).toEqual({ status: 'found', neighbours: [{ id: 2, score: expect.closeTo(0.8, 5) }] });
      expect(await pool.search(tinyIndex(), 99, 5)).toEqual({ status: 'not-indexed' });
    } finally {
      await pool.close();
    }
  });
});
