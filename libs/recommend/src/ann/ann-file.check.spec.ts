import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IndexFileError } from '../index-file/index-file.format';
import { checkAnnFile } from './ann-file.check';
import { addRows, type AnnQuantization, createAnnIndex, saveAnnIndex } from './ann-index.file';

describe('checkAnnFile', () => {
  let directory: string;

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'gym-ann-check-'));
  });
  afterEach(() => rm(directory, { recursive: true, force: true }));

  async function saved(count: number, quantization: AnnQuantization = 'f32'): Promise<string> {
    const index = createAnnIndex(8, quantization);
    addRows(
      index,
      Array.from({ length: count }, (_, i) => i + 1),
      Float32Array.from({ length: count * 8 }, (_, i) => Math.sin(i)),
    );
    const path = join(directory, `graph-${count}-${quantization}.usearch`);
    await saveAnnIndex(index, path);
    return path;
  }

  it.each(['f32', 'f16', 'i8'] as const)('accepts a file usearch saved (%s), whatever the levels of its nodes', async (quantization) => {
    await expect(checkAnnFile(await saved(500, quantization), 8, 500)).resolves.toBeUndefined();
  });

  it('refuses a missing, truncated, extended, foreign or mismatched file with IndexFileError', async () => {
    const good = await saved(300);
    const bytes = await readFile(good);
    const variant = async (name: string, content: Buffer | string) => {
      await writeFile(join(directory, name), content);
      return join(directory, name);
    };
    const cases = [
      join(directory, 'missing.usearch'),
      await variant('truncated', bytes.subarray(0, bytes.length - 1)),
      await variant('extended', Buffer.concat([bytes, Buffer.from([0])])),
      await variant('garbage', Buffer.alloc(bytes.length, 7)),
      await variant('text', 'not a usearch index'),
    ];
    for (const path of cases) await expect(checkAnnFile(path, 8, 300)).rejects.toBeInstanceOf(IndexFileError);
    await expect(checkAnnFile(good, 8, 301)).rejects.toThrow(/expected 301/);
    await expect(checkAnnFile(good, 16, 300)).rejects.toThrow(/16 dimensions/);
  });
});
