import { open } from 'node:fs/promises';
import { endianness } from 'node:os';
import { decodeHeader, INDEX_HEADER_BYTES, IndexFileError, type IndexLayout } from './index-file.format';

/** An index file read into shared memory: one copy that every search thread views. */
export interface LoadedIndex {
  buffer: SharedArrayBuffer;
  layout: IndexLayout;
  /** Identity of the file that was read (inode, size, mtime): a different value means a newer file. */
  fileIdentity: string;
}

/** Reads are split so no single read exceeds what one `read(2)` call may transfer. */
const READ_CHUNK_BYTES = 256 * 1024 * 1024;

export function fileIdentity(stat: { ino: number; size: number; mtimeMs: number }): string {
  return `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
}

/**
 * Reads the whole file straight into a `SharedArrayBuffer` (no intermediate copy) after checking
 * its header. Threads given this buffer view the same memory; nothing is copied per thread.
 */
export async function readIndexFile(path: string): Promise<LoadedIndex> {
  if (endianness() !== 'LE') throw new IndexFileError('The index format is little-endian; this machine is not');
  const handle = await open(path, 'r');
  try {
    const stat = await handle.stat();
    const header = new Uint8Array(INDEX_HEADER_BYTES);
    const { bytesRead } = await handle.read(header, 0, INDEX_HEADER_BYTES, 0);
    const layout = decodeHeader(header.subarray(0, bytesRead), stat.size);
    const buffer = new SharedArrayBuffer(layout.byteLength);
    const bytes = new Uint8Array(buffer);
    let position = 0;
    while (position < layout.byteLength) {
      const { bytesRead: read } = await handle.read(bytes, position, Math.min(READ_CHUNK_BYTES, layout.byteLength - position), position);
      if (read === 0) throw new IndexFileError('The file ended early');
      position += read;
    }
    return { buffer, layout, fileIdentity: fileIdentity(stat) };
  } finally {
    await handle.close();
  }
}

/** Typed views over a loaded index (no copy). */
export function indexViews(index: Pick<LoadedIndex, 'buffer' | 'layout'>): { ids: Uint32Array; vectors: Float32Array } {
  const { buffer, layout } = index;
  return {
    ids: new Uint32Array(buffer, layout.idsOffset, layout.count),
    vectors: new Float32Array(buffer, layout.matrixOffset, layout.count * layout.dimension),
  };
}
