import { open, readdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Index, MetricKind, ScalarKind } from 'usearch';
import { IndexFileError } from '../index-file/index-file.format';
import { temporaryPathBeside } from '../index-file/index-file.writer';

export type AnnQuantization = 'f32' | 'f16' | 'i8';

/**
 * Graph parameters of the HNSW index. 16 links per node and 128 candidates while adding are
 * usearch's usual defaults and reach recall@10 ≥ 0.95 on the benchmark's million vectors; the
 * search-time candidates come from `RECOMMEND_ANN_EXPANSION`.
 */
export const ANN_CONNECTIVITY = 16;
export const ANN_EXPANSION_ADD = 128;

const SCALARS: Record<AnnQuantization, ScalarKind> = { f32: ScalarKind.F32, f16: ScalarKind.F16, i8: ScalarKind.I8 };

/**
 * The HNSW file that goes with an index file: named after the build time written in the index
 * file's header, so a reader that has the index file in hand finds exactly its graph, never the
 * graph of an earlier or later build.
 */
export function annPathFor(indexPath: string, builtAt: number): string {
  return `${indexPath}.${builtAt}.usearch`;
}

/**
 * An empty usearch index. Cosine over the rows (which are already unit vectors) works with every
 * quantization; a zero row (an item with no text) is at distance 1 from everything, so it scores
 * 0 and is left out like in the exact scan.
 */
export function createAnnIndex(dimension: number, quantization: AnnQuantization, expansionSearch = 128): Index {
  return new Index({
    dimensions: dimension,
    metric: MetricKind.Cos,
    quantization: SCALARS[quantization],
    connectivity: ANN_CONNECTIVITY,
    expansion_add: ANN_EXPANSION_ADD,
    expansion_search: expansionSearch,
    multi: false,
  });
}

/** Adds rows for `ids` (row i is `ids[i]`) using every core; usearch's `add` blocks until done. */
export function addRows(index: Index, ids: ArrayLike<number>, rows: Float32Array): void {
  if (ids.length === 0) return;
  index.add(BigUint64Array.from(Array.from(ids, BigInt)), rows, 0);
}

/**
 * Saves the index atomically, like the index file: to a temporary name in the same directory,
 * fsync'ed, then renamed to its final name.
 */
export async function saveAnnIndex(index: Index, path: string): Promise<void> {
  const temporary = temporaryPathBeside(path, 'usearch.tmp');
  try {
    index.save(temporary);
    const handle = await open(temporary, 'r+');
    await handle.sync().finally(() => handle.close());
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

/**
 * Memory-maps a saved index (usearch `view`): the graph and vectors stay in the file and the
 * kernel's page cache, shared by every process on the host that views the same file. Throws
 * `IndexFileError` when the file is missing, not a usearch index, or of another size or dimension.
 */
export function viewAnnIndex(path: string, dimension: number, count: number, expansionSearch: number): Index {
  const index = createAnnIndex(dimension, 'f32', expansionSearch);
  try {
    index.view(path);
  } catch (error) {
    throw new IndexFileError(`Cannot map the HNSW index ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (index.dimensions() !== dimension || index.size() !== count)
    throw new IndexFileError(`The HNSW index ${path} holds ${index.size()} × ${index.dimensions()}; expected ${count} × ${dimension}`);
  return index;
}

/**
 * Deletes the HNSW files of older builds, keeping the newest `keep` (the current one and the one
 * before it, which an API process may be opening right now). A process that has mapped a deleted
 * file keeps its pages until it drops the mapping, so deleting never breaks a running search.
 */
export async function pruneAnnFiles(indexPath: string, keep = 2): Promise<void> {
  const directory = dirname(indexPath);
  const pattern = new RegExp(`^${basename(indexPath).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(\\d+)\\.usearch$`);
  const builds = (await readdir(directory).catch(() => [] as string[]))
    .map((name) => ({ name, builtAt: Number(pattern.exec(name)?.[1] ?? NaN) }))
    .filter((file) => Number.isFinite(file.builtAt))
    .sort((a, b) => b.builtAt - a.builtAt);
  await Promise.all(builds.slice(keep).map((file) => unlink(join(directory, file.name)).catch(() => undefined)));
}
