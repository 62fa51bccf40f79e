import { open } from 'node:fs/promises';
import { checkAnnFile } from '../ann/ann-file.check';
import { annPathFor, viewAnnIndex } from '../ann/ann-index.file';
import { decodeHeader, INDEX_HEADER_BYTES, IndexFileError, type IndexLayout } from '../index-file/index-file.format';
import { fileIdentity, type LoadedIndex, readIndexFile } from '../index-file/index-file.reader';
import { AnnSearcher } from './ann-searcher';

/**
 * The index the API answers from: exactly one of `exact` (the whole file in shared memory, scanned
 * by the thread pool) and `ann` (the memory-mapped HNSW graph).
 */
export interface ServedIndex {
  layout: IndexLayout;
  /** Identity of the index file (inode, size, mtime): a different value means a newer file. */
  fileIdentity: string;
  exact: LoadedIndex | null;
  ann: AnnSearcher | null;
}

export interface ServeOptions {
  /** Below this many items the file is scanned exactly. */
  exactBelow: number;
  /** usearch's expansion_search. */
  annExpansion: number;
  /** Told why a corpus that should have been served by its graph is scanned exactly instead. */
  onFallback: (reason: string) => void;
}

/**
 * Opens the index file at `path` for serving. A corpus of `exactBelow` items or more is served by
 * its HNSW graph (`<path>.<builtAt>.usearch`): only the ids are read into memory. When that graph
 * is missing or cannot be mapped, the file is read whole and scanned exactly (slower, never
 * wrong); a bad index file throws `IndexFileError` as before.
 */
export async function loadServedIndex(path: string, options: ServeOptions): Promise<ServedIndex> {
  const handle = await open(path, 'r');
  let keepOpen = false;
  try {
    const stat = await handle.stat();
    const header = new Uint8Array(INDEX_HEADER_BYTES);
    const { bytesRead } = await handle.read(header, 0, INDEX_HEADER_BYTES, 0);
    const layout = decodeHeader(header.subarray(0, bytesRead), stat.size);
    if (layout.count > 0 && layout.count >= options.exactBelow) {
      try {
        const annPath = annPathFor(path, layout.builtAt);
        await checkAnnFile(annPath, layout.dimension, layout.count);
        const graph = viewAnnIndex(annPath, layout.dimension, layout.count, options.annExpansion);
        const ids = new Uint32Array(layout.count);
        const { bytesRead: idBytes } = await handle.read(new Uint8Array(ids.buffer), 0, ids.byteLength, layout.idsOffset);
        if (idBytes !== ids.byteLength) throw new IndexFileError('The file ended early');
        keepOpen = true;
        return { layout, fileIdentity: fileIdentity(stat), exact: null, ann: new AnnSearcher(graph, ids, handle, layout) };
      } catch (error) {
        if (!(error instanceof IndexFileError)) throw error;
        options.onFallback(`${error.message}; scanning the ${layout.count} items exactly instead`);
      }
    }
    const exact = await readIndexFile(path);
    return { layout: exact.layout, fileIdentity: exact.fileIdentity, exact, ann: null };
  } finally {
    if (!keepOpen) await handle.close();
  }
}
