import { mkdtemp, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@app/core';
import { annPathFor } from '../ann/ann-index.file';
import { writeIndexFiles } from '../build/index-files.writer';
import { FeedIndexStore } from './feed-index.store';

/** Three items on two axes: 1 and 2 point the same way, 3 elsewhere; `flip` makes 1 and 3 alike. */
function rows(flip: boolean): Float32Array {
  return Float32Array.from(flip ? [1, 0, 0, 0, 0, 1, 0, 0, 0.8, 0.6, 0, 0] : [1, 0, 0, 0, 0.8, 0.6, 0, 0, 0, 0, 1, 0]);
}

describe('FeedIndexStore serving the HNSW index', () => {
  let directory: string;
  let path: string;
  let store: FeedIndexStore | null = null;

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'gym-index-store-'));
    path = join(directory, 'feed-index.bin');
  });
  afterEach(async () => {
    await store?.onApplicationShutdown();
    store = null;
    await rm(directory, { recursive: true, force: true });
  });

  const write = (builtAt: number, flip = false, exactBelow = 1) =>
    writeIndexFiles(path, {
      dimension: 4,
      builtAt,
      ids: Uint32Array.from([1, 2, 3]),
      rows: () => [rows(flip)],
      exactBelow,
      quantization: 'f32',
    });

  async function start(exactBelow = 1): Promise<FeedIndexStore> {
    const config = loadConfig({
      RECOMMEND_INDEX_PATH: path,
      RECOMMEND_EXACT_BELOW: String(exactBelow),
      RECOMMEND_RELOAD_INTERVAL_MS: '50',
    });
    store = new FeedIndexStore(config);
    await store.onModuleInit();
    return store;
  }

  async function until(check: () => boolean): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (!check()) {
      if (Date.now() > deadline) throw new Error('Timed out');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  const nearest = (served: FeedIndexStore, id: number) => {
    const outcome = served.current()?.ann?.search(id, 1);
    return outcome?.status === 'found' ? outcome.neighbours[0]?.id : outcome?.status;
  };

  it('maps the graph of a corpus at or above RECOMMEND_EXACT_BELOW, scans a smaller one exactly', async () => {
    await write(1_000);
    const served = await start(3);
    expect(served.current()?.ann).not.toBeNull();
    expect(served.current()?.exact).toBeNull();
    expect(nearest(served, 1)).toBe(2);
    await served.onApplicationShutdown();
    const small = await start(4);
    expect(small.current()?.ann).toBeNull();
    expect(small.current()?.exact?.layout.count).toBe(3);
  });

  it('picks up a rebuilt index and its new graph by itself (hot reload)', async () => {
    await write(1_000);
    const served = await start();
    expect(nearest(served, 1)).toBe(2);
    await write(2_000, true);
    await until(() => served.current()?.layout.builtAt === 2_000);
    expect(served.current()?.ann).not.toBeNull();
    expect(nearest(served, 1)).toBe(3);
  });

  it('falls back to the exact scan when the graph is missing or corrupt, and back to the graph when a good one comes', async () => {
    await write(1_000);
    await unlink(annPathFor(path, 1_000));
    const served = await start();
    expect(served.current()?.ann).toBeNull();
    expect(served.current()?.exact?.layout.count).toBe(3);

    await write(2_000);
    await until(() => served.current()?.layout.builtAt === 2_000);
    expect(served.current()?.ann).not.toBeNull();

    // build 3000 lands with a corrupt graph beside it
    const staging = join(directory, 'staging', 'feed-index.bin');
    await writeIndexFiles(staging, {
      dimension: 4,
      builtAt: 3_000,
      ids: Uint32Array.from([1, 2, 3]),
      rows: () => [rows(false)],
      exactBelow: 1,
      quantization: 'f32',
    });
    await writeFile(annPathFor(path, 3_000), 'not a usearch index');
    await rename(staging, path);
    await until(() => served.current()?.layout.builtAt === 3_000);
    expect(served.current()?.ann).toBeNull();
    expect(served.current()?.exact?.layout.count).toBe(3);
  });
});
