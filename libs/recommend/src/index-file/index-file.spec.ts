import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeHeader, INDEX_HEADER_BYTES, IndexFileError } from './index-file.format';
import { indexViews, readIndexFile } from './index-file.reader';
import { writeIndexFile } from './index-file.writer';

describe('index file', () => {
  let directory: string;

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'gym-index-file-'));
  });
  afterEach(() => rm(directory, { recursive: true, force: true }));

  const rowsOf = (count: number, dimension: number) => Float32Array.from({ length: count * dimension }, (_, i) => i / 7 - 3);

  it('round-trips header, ids and vectors through shared memory, written in several chunks', async () => {
    const path = join(directory, 'nested', 'dir', 'index.bin');
    const matrix = rowsOf(5, 8);
    const layout = await writeIndexFile(path, {
      dimension: 8,
      builtAt: 1_700_000_000_123,
      ids: Uint32Array.from([3, 10, 11, 400, 4_000_000_000]),
      rows: [matrix.subarray(0, 16), matrix.subarray(16, 40)],
    });
    expect(layout).toEqual({
      dimension: 8,
      count: 5,
      builtAt: 1_700_000_000_123,
      idsOffset: 64,
      matrixOffset: 84,
      byteLength: 84 + 5 * 8 * 4,
    });

    const loaded = await readIndexFile(path);
    expect(loaded.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(loaded.layout).toEqual(layout);
    const { ids, vectors } = indexViews(loaded);
    expect(Array.from(ids)).toEqual([3, 10, 11, 400, 4_000_000_000]);
    expect(Array.from(vectors)).toEqual(Array.from(matrix));
    expect(ids.buffer).toBe(loaded.buffer);
    expect(await readdir(join(directory, 'nested', 'dir'))).toEqual(['index.bin']);
  });

  it('writes an empty index (no items yet) that reads back empty', async () => {
    const path = join(directory, 'index.bin');
    await writeIndexFile(path, { dimension: 16, builtAt: 1, ids: new Uint32Array(0), rows: [] });
    const loaded = await readIndexFile(path);
    expect(loaded.layout.count).toBe(0);
    expect(loaded.buffer.byteLength).toBe(INDEX_HEADER_BYTES);
  });

  it('refuses a row count that does not match the ids, leaving no file and no temporary behind', async () => {
    const path = join(directory, 'index.bin');
    await expect(writeIndexFile(path, { dimension: 4, builtAt: 1, ids: Uint32Array.from([1, 2]), rows: [rowsOf(1, 4)] })).rejects.toThrow(
      /Got 1 vectors for 2 ids/,
    );
    await expect(
      writeIndexFile(path, { dimension: 4, builtAt: 1, ids: Uint32Array.from([1]), rows: [new Float32Array(3)] }),
    ).rejects.toThrow(/whole vectors/);
    expect(await readdir(directory)).toEqual([]);
  });

  it('replaces an existing file atomically: a reader holding the old one keeps it intact', async () => {
    const path = join(directory, 'index.bin');
    await writeIndexFile(path, { dimension: 4, builtAt: 1, ids: Uint32Array.from([1]), rows: [rowsOf(1, 4)] });
    const old = await readIndexFile(path);
    await writeIndexFile(path, { dimension: 4, builtAt: 2, ids: Uint32Array.from([1, 2]), rows: [rowsOf(2, 4)] });
    const next = await readIndexFile(path);
    expect([old.layout.count, next.layout.count]).toEqual([1, 2]);
    expect(next.fileIdentity).not.toEqual(old.fileIdentity);
    expect(Array.from(indexViews(old).vectors)).toEqual(Array.from(rowsOf(1, 4)));
  });

  it('rejects files that are not indexes, of another version, or truncated', async () => {
    const path = join(directory, 'index.bin');
    await writeIndexFile(path, { dimension: 4, builtAt: 1, ids: Uint32Array.from([1, 2]), rows: [rowsOf(2, 4)] });
    const good = await readFile(path);
    await writeFile(path, good.subarray(0, good.length - 4));
    await expect(readIndexFile(path)).rejects.toThrow(IndexFileError);
    const otherVersion = Buffer.from(good);
    otherVersion.writeUInt32LE(99, 8);
    expect(() => decodeHeader(otherVersion, otherVersion.length)).toThrow(/version 99/);
    const noMagic = Buffer.from(good);
    noMagic.write('NOTANIDX', 0, 'latin1');
    expect(() => decodeHeader(noMagic, noMagic.length)).toThrow(/bad magic/);
    expect(() => decodeHeader(good.subarray(0, 10), 10)).toThrow(/too short/);
  });
});
