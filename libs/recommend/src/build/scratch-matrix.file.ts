import { type FileHandle, open, unlink } from 'node:fs/promises';
import { writeAll } from '../index-file/index-file.writer';

/**
 * A temporary file of float32 rows: the raw term frequencies, written while the corpus streams by
 * (the IDF weights are only known at the end) and read back in chunks to write the index.
 */
export class ScratchMatrixFile {
  private length = 0;

  private constructor(
    private readonly handle: FileHandle,
    private readonly path: string,
  ) {}

  static async create(path: string): Promise<ScratchMatrixFile> {
    return new ScratchMatrixFile(await open(path, 'wx+'), path);
  }

  async append(rows: Float32Array): Promise<void> {
    this.length += await writeAll(this.handle, rows, this.length);
  }

  /** The rows again, `chunkFloats` floats at a time (a multiple of the dimension), each chunk passed through `transform`. */
  async *chunks(chunkFloats: number, transform: (chunk: Float32Array) => void): AsyncGenerator<Float32Array> {
    for (let position = 0; position < this.length; position += chunkFloats * 4) {
      const bytes = Math.min(chunkFloats * 4, this.length - position);
      const chunk = new Float32Array(bytes / 4);
      const { bytesRead } = await this.handle.read(new Uint8Array(chunk.buffer), 0, bytes, position);
      if (bytesRead !== bytes) throw new Error('The scratch matrix ended early');
      transform(chunk);
      yield chunk;
    }
  }

  async dispose(): Promise<void> {
    await this.handle.close().catch(() => undefined);
    await unlink(this.path).catch(() => undefined);
  }
}
