import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { annPathFor } from '../ann/ann-index.file';
import { writeIndexFiles } from '../build/index-files.writer';
import { indexViews, readIndexFile } from '../index-file/index-file.reader';
import { loadServedIndex, type ServedIndex } from './served-index';
import { findNearest } from './similarity-search';

/** Deterministic unit vectors around `topics` centres (cosine ~0.5 within a topic), a few zero rows. */
function topicRows(count: number, dimension: number, topics: number, seed = 7): Float32Array {
  let state = seed;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x100000000 - 0.5;
  };
  const centres = Float32Array.from({ length: topics * dimension }, next);
  const rows = new Float32Array(count * dimension);
  for (let row = 0; row < count; row++) {
    if (row % 97 === 50) continue; // an item without text
    const topic = (row * 31) % topics;
    let norm = 0;
    for (let i = 0; i < dimension; i++) {
      rows[row * dimension + i] = centres[topic * dimension + i] + next();
      norm += rows[row * dimension + i] ** 2;
    }
    for (let i = 0; i < dimension; i++) rows[row * dimension + i] /= Math.sqrt(norm);
  }
  return rows;
}

describe('the HNSW index (usearch) against the exact scan', () => {
  let directory: string;
  const opened: ServedIndex[] = [];

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'gym-ann-'));
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map(async (index) => index.ann?.close()));
    await rm(directory, { recursive: true, force: true });
  });

  /** Writes rows for ids 10, 20, 30, … with the builder's writer and opens them as the API does. */
  async function build(rows: Float32Array, dimension: number, exactBelow = 0, builtAt = 1_700_000_000_000) {
    const path = join(directory, 'feed-index.bin');
    const ids = Uint32Array.from({ length: rows.length / dimension }, (_, i) => (i + 1) * 10);
    const summary = await writeIndexFiles(path, { dimension, builtAt, ids, rows: () => [rows], exactBelow, quantization: 'f32' });
    const served = await loadServedIndex(path, {
      exactBelow,
      annExpansion: 128,
      onFallback: (reason) => {
        throw new Error(reason);
      },
    });
    opened.push(served);
    const exact = indexViews(await readIndexFile(path));
    const truth = (id: number, limit: number) => findNearest(exact.ids, exact.vectors, dimension, id, limit);
    return { path, ids, summary, served, truth };
  }

  // The graph is built on every core, so it differs from build to build: an approximate index may
  // miss a neighbour now and then even on 300 items (CI saw one miss in 3,000; a loaded machine, 2 %). What it promises:
  // nearly every neighbour the exact scan finds, each with its exact score, best first.
  it('answers what the exact scan answers on a small corpus: the same neighbours (recall 0.95+), their exact scores, best first', async () => {
    const { ids, served, truth, summary } = await build(topicRows(300, 32, 12), 32);
    expect(served.ann).not.toBeNull();
    expect(served.exact).toBeNull();
    expect(summary.annPath).toBe(annPathFor(join(directory, 'feed-index.bin'), 1_700_000_000_000));
    let wanted = 0;
    let hits = 0;
    for (const id of ids) {
      const expected = truth(id, 10);
      const found = served.ann!.search(id, 10);
      expect(found.status).toBe('found');
      if (found.status !== 'found' || expected.status !== 'found') continue;
      const exactScores = new Map(expected.neighbours.map((n) => [n.id, n.score]));
      wanted += expected.neighbours.length;
      hits += found.neighbours.filter((n) => exactScores.has(n.id)).length;
      for (const n of found.neighbours) if (exactScores.has(n.id)) expect(n.score).toBeCloseTo(exactScores.get(n.id)!, 5);
      const scores = found.neighbours.map((n) => n.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    }
    expect(hits / wanted).toBeGreaterThanOrEqual(0.95); // the bar, as on 4,000 vectors below
  });

  it('leaves out the item itself, unrelated and empty items, and says when an item is not indexed', async () => {
    const { served, truth } = await build(topicRows(300, 32, 12), 32);
    const empty = 510; // row 50 has no text
    expect(served.ann!.search(empty, 10)).toEqual({ status: 'found', neighbours: [] });
    expect(truth(empty, 10)).toEqual({ status: 'found', neighbours: [] });
    const found = served.ann!.search(10, 50);
    expect(found.status === 'found' && found.neighbours.every((n) => n.id !== 10 && n.id !== empty && n.score > 0)).toBe(true);
    expect(served.ann!.search(15, 10)).toEqual({ status: 'not-indexed' });
    expect(served.ann!.search(999_999, 10)).toEqual({ status: 'not-indexed' });
  });

  it('finds at least 95 % of the exact top 10 on 4,000 vectors', async () => {
    const { ids, served, truth } = await build(topicRows(4_000, 64, 40), 64);
    let recall = 0;
    const sample = ids.filter((_, i) => i % 20 === 0);
    for (const id of sample) {
      const expected = truth(id, 10);
      const found = served.ann!.search(id, 10);
      if (expected.status !== 'found' || found.status !== 'found') throw new Error(`${id} not found`);
      const wanted = new Set(expected.neighbours.map((n) => n.id));
      recall += wanted.size === 0 ? 1 : found.neighbours.filter((n) => wanted.has(n.id)).length / wanted.size;
    }
    expect(recall / sample.length).toBeGreaterThanOrEqual(0.95);
  });

  it('writes no graph below the threshold, and serves that corpus by the exact scan', async () => {
    const { path, served, summary } = await build(topicRows(50, 16, 4), 16, 51);
    expect(summary.annPath).toBeNull();
    expect(served.ann).toBeNull();
    expect(served.exact?.layout.count).toBe(50);
    expect(await readdir(directory)).toEqual(['feed-index.bin']);
    expect(path).toBe(join(directory, 'feed-index.bin'));
  });

  it('keeps the graphs of the two newest builds and deletes older ones', async () => {
    const rows = topicRows(40, 16, 4);
    for (const builtAt of [1_000, 2_000, 3_000]) await build(rows, 16, 0, builtAt);
    expect((await readdir(directory)).sort()).toEqual(['feed-index.bin', 'feed-index.bin.2000.usearch', 'feed-index.bin.3000.usearch']);
  });
});
