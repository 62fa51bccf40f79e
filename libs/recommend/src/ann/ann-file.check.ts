import { open } from 'node:fs/promises';
import { IndexFileError } from '../index-file/index-file.format';

/** Bytes of one node's head (key uint64 + level int16) and of a neighbour slot (uint32) in usearch 2.x. */
const NODE_HEAD_BYTES = 10;
const SLOT_BYTES = 4;
const COUNT_BYTES = 4;
const HEAD_BYTES = 64;
const GRAPH_HEADER_BYTES = 40;

/**
 * Checks a usearch file's structure before it is mapped: usearch 2.21.4 crashes the process
 * (SIGSEGV) on some malformed files instead of throwing, so a file is only handed to `view` when
 * every size in it adds up to the file's size exactly. The layout (`index_dense_gt::save_to_stream`):
 * the vectors (uint32 rows, uint32 bytes per row, the rows), a 64-byte head (magic `usearch`,
 * version, kinds, count, deleted, dimensions), then the graph: a 40-byte header (size,
 * connectivity, base connectivity, max level, entry), each node's level (int16), each node's
 * links (head, base layer, one layer per level). Catches a missing, truncated, foreign or
 * mismatched file; bytes flipped inside the links would need a checksum of the whole file.
 */
export async function checkAnnFile(path: string, dimension: number, count: number): Promise<void> {
  const handle = await open(path, 'r').catch((error: Error) => {
    throw new IndexFileError(`Cannot open the HNSW index ${path}: ${error.message}`);
  });
  try {
    const size = (await handle.stat()).size;
    const read = async (position: number, length: number): Promise<Buffer> => {
      const bytes = Buffer.alloc(length);
      const { bytesRead } = await handle.read(bytes, 0, length, position);
      if (bytesRead !== length) throw new IndexFileError(`The HNSW index ${path} is truncated`);
      return bytes;
    };
    const matrix = await read(0, 8);
    const rows = matrix.readUInt32LE(0);
    const rowBytes = matrix.readUInt32LE(4);
    if (rows !== count || ![dimension, 2 * dimension, 4 * dimension].includes(rowBytes))
      throw new IndexFileError(
        `The HNSW index ${path} holds ${rows} rows of ${rowBytes} bytes; expected ${count} of ${dimension} dimensions`,
      );
    const headAt = 8 + rows * rowBytes;
    const head = await read(headAt, HEAD_BYTES);
    if (head.toString('latin1', 0, 7) !== 'usearch') throw new IndexFileError(`${path} is not a usearch index`);
    if (Number(head.readBigUInt64LE(17)) !== count || head.readBigUInt64LE(25) !== 0n || Number(head.readBigUInt64LE(33)) !== dimension)
      throw new IndexFileError(`The HNSW index ${path} does not describe ${count} items of ${dimension} dimensions`);
    const graphAt = headAt + HEAD_BYTES;
    const graph = await read(graphAt, GRAPH_HEADER_BYTES);
    const [nodes, connectivity, base, maxLevel, entry] = [0, 8, 16, 24, 32].map((at) => Number(graph.readBigUInt64LE(at)));
    if (
      nodes !== count ||
      connectivity < 2 ||
      connectivity > 1024 ||
      base < connectivity ||
      base > 2048 ||
      maxLevel > 64 ||
      (count > 0 && entry >= count)
    )
      throw new IndexFileError(`The HNSW index ${path} has an implausible graph header`);
    const levels = await read(graphAt + GRAPH_HEADER_BYTES, 2 * count);
    let expected = graphAt + GRAPH_HEADER_BYTES + 2 * count + count * (NODE_HEAD_BYTES + COUNT_BYTES + base * SLOT_BYTES);
    for (let i = 0; i < count; i++) {
      const level = levels.readInt16LE(2 * i);
      if (level < 0 || level > maxLevel) throw new IndexFileError(`The HNSW index ${path} has a node on level ${level}`);
      expected += level * (COUNT_BYTES + connectivity * SLOT_BYTES);
    }
    if (expected !== size) throw new IndexFileError(`The HNSW index ${path} is ${size} bytes; its contents describe ${expected}`);
  } finally {
    await handle.close();
  }
}
