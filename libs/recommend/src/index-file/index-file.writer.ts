import { randomBytes } from 'node:crypto';
import { type FileHandle, mkdir, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { encodeHeader, IndexFileError, type IndexLayout, layoutFor } from './index-file.format';

export interface IndexFileContent {
  dimension: number;
  /** Build time, ms since the epoch. */
  builtAt: number;
  /** Ascending feed ids; row i of the matrix belongs to `ids[i]`. */
  ids: Uint32Array;
  /** The vectors, row after row, in chunks of whole rows (so a huge matrix never sits in memory). */
  rows: AsyncIterable<Float32Array> | Iterable<Float32Array>;
}

/** A temporary name in the target's directory, so the final rename stays on one file system. */
export function temporaryPathBeside(path: string, purpose: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.${purpose}`);
}

export async function writeAll(handle: FileHandle, data: ArrayBufferView, position: number): Promise<number> {
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  let written = 0;
  while (written < bytes.byteLength) {
    const { bytesWritten } = await handle.write(bytes, written, bytes.byteLength - written, position + written);
    written += bytesWritten;
  }
  return written;
}

/**
 * Writes an index file atomically: everything goes to a temporary file in the same directory,
 * which is flushed to disk (fsync) and then renamed over the target. Readers see the old file or
 * the new one, never half of one. The directory is created when missing.
 */
export async function writeIndexFile(path: string, content: IndexFileContent): Promise<IndexLayout> {
  const layout = layoutFor(content.dimension, content.ids.length, content.builtAt);
  await mkdir(dirname(path), { recursive: true });
  const temporary = temporaryPathBeside(path, 'tmp');
  const handle = await open(temporary, 'wx');
  try {
    await writeAll(handle, encodeHeader(layout), 0);
    await writeAll(handle, content.ids, layout.idsOffset);
    let position = layout.matrixOffset;
    for await (const chunk of content.rows) {
      if (chunk.length % content.dimension !== 0) throw new IndexFileError('A chunk of rows must hold whole vectors');
      position += await writeAll(handle, chunk, position);
    }
    if (position !== layout.byteLength)
      throw new IndexFileError(`Got ${(position - layout.matrixOffset) / 4 / content.dimension} vectors for ${layout.count} ids`);
    await handle.sync();
    await handle.close();
    await rename(temporary, path);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dirname(path));
  return layout;
}

/** Makes the rename itself durable. Some file systems cannot fsync a directory; that is not fatal. */
async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, 'r').catch(() => null);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close();
}
