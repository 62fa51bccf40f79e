import type { INestApplication } from '@nestjs/common';
import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import {
  annPathFor,
  FeedIndexBuilder,
  FeedIndexStore,
  findNearest,
  indexViews,
  readIndexFile,
  RecommendBuilderModule,
} from '@app/recommend';
import { createTestApp, type Member, newMember, resetDatabase } from '@app/testing';

/** The ids the exact scan of the index file answers for `id`, best first. */
async function findNearestInFile(path: string, id: number, limit: number): Promise<number[]> {
  const index = await readIndexFile(path);
  const { ids, vectors } = indexViews(index);
  const outcome = findNearest(ids, vectors, index.layout.dimension, id, limit);
  return outcome.status === 'found' ? outcome.neighbours.map((n) => n.id) : [];
}

/**
 * GET /feeds/:id/similar served by the HNSW graph (RECOMMEND_EXACT_BELOW=1, so even a handful of
 * items get one): the same answers as the exact scan, and never a 500 when the graph is missing
 * or corrupt (the API scans exactly instead).
 */
describe('GET /feeds/:id/similar on the HNSW index (e2e)', () => {
  let app: INestApplication;
  let http: ReturnType<typeof request>;
  let directory: string;
  let path: string;
  const saved = { ...process.env };

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'gym-recommend-ann-e2e-'));
    path = join(directory, 'feed-index.bin');
    Object.assign(process.env, { RECOMMEND_INDEX_PATH: path, RECOMMEND_EXACT_BELOW: '1', RECOMMEND_RELOAD_INTERVAL_MS: '200' });
    app = await createTestApp({ imports: [RecommendBuilderModule] });
    http = request(app.getHttpServer());
  });
  beforeEach(() => resetDatabase(app));
  afterAll(async () => {
    await app.close();
    process.env = saved;
    await rm(directory, { recursive: true, force: true });
  });

  const store = () => app.get(FeedIndexStore);
  async function until(check: () => boolean): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (!check()) {
      if (Date.now() > deadline) throw new Error('The API did not pick up the new index within 10 s');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  async function rebuildAndWait(): Promise<number> {
    const builtAt = Date.parse((await app.get(FeedIndexBuilder).rebuild()).builtAt);
    await until(() => store().current()?.layout.builtAt === builtAt);
    return builtAt;
  }
  const similarIds = async (member: Member, id: number): Promise<number[]> =>
    (
      (await http.get(`/feeds/${id}/similar`).query({ limit: 50 }).set('Authorization', member.auth).expect(200)).body as {
        feed: { id: number };
      }[]
    ).map((item) => item.feed.id);

  async function corpus(author: Member): Promise<number[]> {
    const ids: number[] = [];
    const texts = [
      'Morning run by the river',
      'Interval run by the river',
      'Long run on Sunday',
      '새벽 수영반 swimmers',
      '수영 동호회 swimmers club',
      'Futsal in Mapo',
      'River walk',
      'Yoga at dawn',
    ];
    for (const [i, title] of texts.entries())
      ids.push(
        (
          await http
            .post('/feeds/posts')
            .set('Authorization', author.auth)
            .send({ title, body: `${title} ${i % 2 ? 'easy' : 'hard'}` })
            .expect(201)
        ).body.id,
      );
    return ids;
  }

  it('answers from the graph exactly what the exact scan of the same file answers', async () => {
    const author = await newMember(app);
    const ids = await corpus(author);
    await rebuildAndWait();
    expect(store().current()?.ann).not.toBeNull();
    for (const id of ids) expect(await similarIds(author, id)).toEqual(await findNearestInFile(path, id, 50));
  });

  it('scans exactly, with the same answers and never a 500, when the graph of a new index is corrupt or missing', async () => {
    const author = await newMember(app);
    const ids = await corpus(author);
    const builtAt = await rebuildAndWait();
    const before = await Promise.all(ids.map((id) => similarIds(author, id)));
    const file = await readFile(path);
    for (const [offset, graph] of [
      [1, 'not a usearch index'],
      [2, null],
    ] as const) {
      // the same index under a later build time, its graph garbage or absent, swapped in atomically
      file.writeDoubleLE(builtAt + offset, 24);
      if (graph) await writeFile(annPathFor(path, builtAt + offset), graph);
      await writeFile(`${path}.next`, file);
      await rename(`${path}.next`, path);
      await until(() => store().current()?.layout.builtAt === builtAt + offset);
      expect(store().current()?.ann).toBeNull();
      expect(await Promise.all(ids.map((id) => similarIds(author, id)))).toEqual(before);
    }
    await rebuildAndWait();
    expect(store().current()?.ann).not.toBeNull();
  });
});
