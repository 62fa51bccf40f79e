import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { addRows, type AnnQuantization, annPathFor, createAnnIndex, pruneAnnFiles, saveAnnIndex } from '../ann/ann-index.file';
import type { IndexLayout } from '../index-file/index-file.format';
import { writeIndexFile } from '../index-file/index-file.writer';

export interface IndexFilesContent {
  dimension: number;
  /** Build time, ms since the epoch (an integer: it also names the HNSW file). */
  builtAt: number;
  /** Ascending feed ids; row i belongs to `ids[i]`. */
  ids: Uint32Array;
  /** The rows, in chunks of whole rows; called once per pass, so it must start over each time. */
  rows: () => AsyncIterable<Float32Array> | Iterable<Float32Array>;
  /** No HNSW index below this many items (the API scans those exactly). */
  exactBelow: number;
  quantization: AnnQuantization;
}

export interface IndexFilesSummary {
  layout: IndexLayout;
  /** The HNSW file written with this build, or null for a corpus searched exactly. */
  annPath: string | null;
  annBytes: number;
}

/**
 * Writes one build of the recommendation index, used by the builder and the benchmarks alike.
 * From `exactBelow` items on, the rows first go into an HNSW graph (usearch, built in memory with
 * every core) saved atomically as `<index>.<builtAt>.usearch`; then the index file is written and
 * renamed into place. The index file is the commit point: an API process that sees it finds its
 * graph already complete beside it. Graphs of older builds are pruned, the previous one kept.
 */
export async function writeIndexFiles(path: string, content: IndexFilesContent): Promise<IndexFilesSummary> {
  const { dimension, builtAt, ids } = content;
  let annPath: string | null = null;
  let annBytes = 0;
  await mkdir(dirname(path), { recursive: true });
  if (ids.length > 0 && ids.length >= content.exactBelow) {
    const index = createAnnIndex(dimension, content.quantization);
    let row = 0;
    for await (const chunk of content.rows()) {
      const rows = chunk.length / dimension;
      addRows(index, ids.subarray(row, row + rows), chunk);
      row += rows;
    }
    annPath = annPathFor(path, builtAt);
    await saveAnnIndex(index, annPath);
    annBytes = (await stat(annPath)).size;
  }
  const layout = await writeIndexFile(path, { dimension, builtAt, ids, rows: content.rows() });
  await pruneAnnFiles(path);
  return { layout, annPath, annBytes };
}
