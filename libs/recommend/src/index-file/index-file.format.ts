/**
 * The recommendation index on disk, little-endian:
 *
 * | offset | size | field |
 * |---|---|---|
 * | 0 | 8 | magic `GYMFIDX\0` |
 * | 8 | 4 | format version (uint32, 1) |
 * | 12 | 4 | dimension (uint32) |
 * | 16 | 4 | count of vectors (uint32) |
 * | 20 | 4 | header size in bytes (uint32, 64) |
 * | 24 | 8 | build time, ms since the epoch (float64) |
 * | 32 | 32 | reserved, zero |
 * | 64 | 4 × count | feed ids (uint32), ascending |
 * | 64 + 4 × count | 4 × count × dimension | vectors (float32), row i belongs to id i |
 *
 * Every section starts at a multiple of 4, so typed-array views can sit directly on the bytes.
 */
export const INDEX_MAGIC = 'GYMFIDX\0';
export const INDEX_VERSION = 1;
export const INDEX_HEADER_BYTES = 64;

/** Where everything is in a loaded index file. Plain data, so it can be posted to a thread. */
export interface IndexLayout {
  dimension: number;
  count: number;
  /** Build time, ms since the epoch. */
  builtAt: number;
  idsOffset: number;
  matrixOffset: number;
  byteLength: number;
}

export class IndexFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IndexFileError';
  }
}

export function layoutFor(dimension: number, count: number, builtAt: number): IndexLayout {
  const idsOffset = INDEX_HEADER_BYTES;
  const matrixOffset = idsOffset + 4 * count;
  return { dimension, count, builtAt, idsOffset, matrixOffset, byteLength: matrixOffset + 4 * count * dimension };
}

export function encodeHeader(layout: IndexLayout): Uint8Array {
  const bytes = new Uint8Array(INDEX_HEADER_BYTES);
  const view = new DataView(bytes.buffer);
  bytes.set(Buffer.from(INDEX_MAGIC, 'latin1'), 0);
  view.setUint32(8, INDEX_VERSION, true);
  view.setUint32(12, layout.dimension, true);
  view.setUint32(16, layout.count, true);
  view.setUint32(20, INDEX_HEADER_BYTES, true);
  view.setFloat64(24, layout.builtAt, true);
  return bytes;
}

/** Reads and checks a header against the file's size; throws `IndexFileError` when anything is off. */
export function decodeHeader(bytes: Uint8Array, fileSize: number): IndexLayout {
  if (bytes.byteLength < INDEX_HEADER_BYTES || fileSize < INDEX_HEADER_BYTES)
    throw new IndexFileError('File too short for an index header');
  if (Buffer.from(bytes.buffer, bytes.byteOffset, 8).toString('latin1') !== INDEX_MAGIC)
    throw new IndexFileError('Not a feed index file (bad magic)');
  const view = new DataView(bytes.buffer, bytes.byteOffset, INDEX_HEADER_BYTES);
  const version = view.getUint32(8, true);
  if (version !== INDEX_VERSION) throw new IndexFileError(`Unsupported index format version ${version}`);
  if (view.getUint32(20, true) !== INDEX_HEADER_BYTES) throw new IndexFileError('Unexpected header size');
  const dimension = view.getUint32(12, true);
  if (dimension === 0) throw new IndexFileError('Dimension is 0');
  const layout = layoutFor(dimension, view.getUint32(16, true), view.getFloat64(24, true));
  if (layout.byteLength !== fileSize) throw new IndexFileError(`File is ${fileSize} bytes; the header describes ${layout.byteLength}`);
  return layout;
}
