import type { INestApplication } from '@nestjs/common';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { Feed } from '@app/feed';
import { FeedIndexBuilder, FeedIndexStore, RecommendBuilderModule } from '@app/recommend';
import { createTestApp, forkEm, type Member, newMember, newStaff, resetDatabase } from '@app/testing';

interface Similar {
  feed: { id: number; likedByMe: boolean; joinedByMe: boolean };
  score: number;
}

/** The API on an index file in a temp directory; the builder module is added so tests can rebuild. */
async function startApi(): Promise<{ app: INestApplication; directory: string; restore: () => Promise<void> }> {
  const saved = {
    path: process.env.RECOMMEND_INDEX_PATH,
    threads: process.env.RECOMMEND_THREADS,
    interval: process.env.RECOMMEND_RELOAD_INTERVAL_MS,
  };
  const directory = await mkdtemp(join(tmpdir(), 'gym-recommend-e2e-'));
  process.env.RECOMMEND_INDEX_PATH = join(directory, 'feed-index.bin');
  process.env.RECOMMEND_THREADS = '2';
  process.env.RECOMMEND_RELOAD_INTERVAL_MS = '200';
  const app = await createTestApp({ imports: [RecommendBuilderModule] });
  const restore = async () => {
    await app.close();
    Object.assign(process.env, {
      RECOMMEND_INDEX_PATH: saved.path,
      RECOMMEND_THREADS: saved.threads,
      RECOMMEND_RELOAD_INTERVAL_MS: saved.interval,
    });
    await rm(directory, { recursive: true, force: true });
  };
  return { app, directory, restore };
}

/** Rebuilds the index file and waits until the running API has swapped to it by itself. */
async function rebuildAndWait(app: INestApplication): Promise<void> {
  const summary = await app.get(FeedIndexBuilder).rebuild();
  const builtAt = Date.parse(summary.builtAt);
  const deadline = Date.now() + 10_000;
  while (app.get(FeedIndexStore).current()?.layout.builtAt !== builtAt) {
    if (Date.now() > deadline) throw new Error('The API did not pick up the new index within 10 s');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('GET /feeds/:id/similar (e2e)', () => {
  let app: INestApplication;
  let http: ReturnType<typeof request>;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    const api = await startApi();
    ({ app } = api);
    stop = api.restore;
    http = request(app.getHttpServer());
  });
  beforeEach(() => resetDatabase(app));
  afterAll(() => stop());

  const post = async (member: Member, title: string, body: string): Promise<number> =>
    (await http.post('/feeds/posts').set('Authorization', member.auth).send({ title, body }).expect(201)).body.id;
  const team = async (member: Member, roomName: string): Promise<number> =>
    (await http.post('/feeds/teams').set('Authorization', member.auth).send({ roomName }).expect(201)).body.id;
  const similar = (member: Member, id: number, query: Record<string, string | number> = {}) =>
    http.get(`/feeds/${id}/similar`).query(query).set('Authorization', member.auth);
  const idsOf = (res: request.Response): number[] => (res.body as Similar[]).map((item) => item.feed.id);

  /** Three running posts, two swimming teams and a futsal game. */
  async function corpus(author: Member) {
    const runs = [
      await post(author, 'Morning run', 'An easy 5 km run along the Han river'),
      await post(author, 'Interval run', 'Hard intervals by the river, then a slow run home'),
      await post(author, 'Long run on Sunday', 'Half marathon pace run by the river'),
    ];
    const swims = [await team(author, 'Sunday swimmers 새벽 수영반'), await team(author, 'Swimmers club 수영 동호회')];
    const game = (
      await http
        .post('/feeds/games')
        .set('Authorization', author.auth)
        .send({ gameName: 'Futsal match', gameLocation: 'Seoul Mapo' })
        .expect(201)
    ).body.id as number;
    return { runs, swims, game };
  }

  it("ranks a running post's nearest neighbours: the other running posts first, best first", async () => {
    const [author, viewer] = [await newMember(app), await newMember(app)];
    const { runs, swims, game } = await corpus(author);
    await http.post(`/feeds/${runs[2]}/like`).set('Authorization', viewer.auth).expect(200);
    await rebuildAndWait(app);

    const res = await similar(viewer, runs[0]).expect(200);
    const items = res.body as Similar[];
    expect(idsOf(res).slice(0, 2).sort()).toEqual([runs[1], runs[2]].sort());
    expect(idsOf(res)).not.toContain(runs[0]);
    expect(idsOf(res).indexOf(game)).not.toBe(0);
    const scores = items.map((item) => item.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores.every((score) => score > 0 && score <= 1)).toBe(true);
    const swimScores = items.filter((item) => swims.includes(item.feed.id)).map((item) => item.score);
    expect(Math.max(0, ...swimScores)).toBeLessThan(Math.min(items[0].score, items[1].score));

    const swimmers = await similar(viewer, swims[0]).expect(200);
    expect(idsOf(swimmers)[0]).toBe(swims[1]);
  });

  it('returns each item exactly as GET /feeds/:id shows it to the viewer', async () => {
    const [author, viewer] = [await newMember(app), await newMember(app)];
    const { runs, swims } = await corpus(author);
    await http.post(`/feeds/${runs[1]}/like`).set('Authorization', viewer.auth).expect(200);
    await http.post(`/feeds/${swims[1]}/join`).set('Authorization', viewer.auth).expect(200);
    await rebuildAndWait(app);
    for (const id of [runs[0], swims[0]]) {
      const items = (await similar(viewer, id).expect(200)).body as Similar[];
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) {
        const one = await http.get(`/feeds/${item.feed.id}`).set('Authorization', viewer.auth).expect(200);
        expect(item.feed).toEqual(one.body);
      }
    }
    const liked = ((await similar(viewer, runs[0]).expect(200)).body as Similar[]).find((item) => item.feed.id === runs[1]);
    expect(liked?.feed).toMatchObject({ likedByMe: true, likeCount: 1, type: 'post', title: 'Interval run' });
    const joined = ((await similar(viewer, swims[0]).expect(200)).body as Similar[]).find((item) => item.feed.id === swims[1]);
    expect(joined?.feed).toMatchObject({ joinedByMe: true, joinedCount: 1, type: 'team', roomName: 'Swimmers club 수영 동호회' });
  });

  it('honours ?limit= (default 10, 1 to 50)', async () => {
    const author = await newMember(app);
    const ids: number[] = [];
    for (let i = 0; i < 13; i++) ids.push(await post(author, `Tempo run ${i}`, `run number ${i} along the river`));
    await rebuildAndWait(app);
    const all = await similar(author, ids[0], { limit: 50 }).expect(200);
    expect(all.body).toHaveLength(12);
    expect(
      await similar(author, ids[0])
        .expect(200)
        .then((res) => res.body.length),
    ).toBe(10);
    const top3 = await similar(author, ids[0], { limit: 3 }).expect(200);
    expect(idsOf(top3)).toEqual(idsOf(all).slice(0, 3));
    for (const limit of [0, 51, 'many']) {
      const bad = await similar(author, ids[0], { limit });
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
    }
  });

  it('answers 404 NOT_FOUND for an unknown or deleted item and 404 NOT_INDEXED for one newer than the index, never 500', async () => {
    const author = await newMember(app);
    const { runs } = await corpus(author);
    await rebuildAndWait(app);
    const unknown = await similar(author, 999_999);
    expect([unknown.status, unknown.body.code]).toEqual([404, 'NOT_FOUND']);

    const fresh = await post(author, 'Recovery run', 'Slow run by the river');
    const notIndexed = await similar(author, fresh);
    expect([notIndexed.status, notIndexed.body.code]).toEqual([404, 'NOT_INDEXED']);
    expect(idsOf(await similar(author, runs[0]).expect(200))).not.toContain(fresh);

    await forkEm(app).nativeDelete(Feed, { id: runs[1] });
    const deleted = await similar(author, runs[1]);
    expect([deleted.status, deleted.body.code]).toEqual([404, 'NOT_FOUND']);
    const survivors = idsOf(await similar(author, runs[0]).expect(200));
    expect(survivors[0]).toBe(runs[2]);
    expect(survivors).not.toContain(runs[1]);

    await rebuildAndWait(app);
    expect(idsOf(await similar(author, fresh).expect(200))).toContain(runs[0]);
  });

  it('never answers an item removed through DELETE /feeds/:id, before or after the next rebuild', async () => {
    const [author, staff, viewer] = [await newMember(app), await newStaff(app), await newMember(app)];
    const { runs, swims } = await corpus(author);
    await rebuildAndWait(app);
    expect(idsOf(await similar(viewer, runs[0], { limit: 50 }).expect(200))).toEqual(expect.arrayContaining([runs[1], runs[2]]));

    // still in the index file: the API filters them out
    await http.delete(`/feeds/${runs[1]}`).set('Authorization', author.auth).expect(204);
    await http.delete(`/feeds/${swims[1]}`).set('Authorization', staff.auth).expect(204);
    const stale = idsOf(await similar(viewer, runs[0], { limit: 50 }).expect(200));
    expect(stale[0]).toBe(runs[2]);
    expect(stale).not.toContain(runs[1]);
    expect(stale).not.toContain(swims[1]);
    expect(idsOf(await similar(viewer, swims[0], { limit: 50 }).expect(200))).not.toContain(swims[1]);
    expect((await similar(viewer, runs[1]).expect(404)).body.code).toBe('NOT_FOUND');

    // the rebuilt index drops them
    const before = app.get(FeedIndexStore).current()!.layout.count;
    await rebuildAndWait(app);
    expect(app.get(FeedIndexStore).current()!.layout.count).toBe(before - 2);
    expect(idsOf(await similar(viewer, runs[0], { limit: 50 }).expect(200))).not.toContain(runs[1]);
    expect((await similar(viewer, runs[1]).expect(404)).body.code).toBe('NOT_FOUND');
  });

  it('swaps to each new index while many requests are in flight, failing none of them', async () => {
    const author = await newMember(app);
    const { runs } = await corpus(author);
    await rebuildAndWait(app);
    const first = app.get(FeedIndexStore).current();
    const statuses: number[] = [];
    const swaps = new Set<string>();
    let rebuilding = true;
    const fire = async () => {
      for (let i = 0; rebuilding; i++) {
        const res = await similar(author, runs[i % 3]);
        statuses.push(res.status);
        swaps.add(app.get(FeedIndexStore).current()?.fileIdentity ?? 'none');
      }
    };
    const rebuilds = async () => {
      for (let i = 0; i < 4; i++) {
        await post(author, `Extra run ${i}`, 'another run by the river');
        await rebuildAndWait(app);
      }
      rebuilding = false;
    };
    await Promise.all([fire(), fire(), fire(), fire(), fire(), rebuilds()]);
    expect(statuses.length).toBeGreaterThan(50);
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
    expect(swaps.size).toBeGreaterThanOrEqual(4);
    const last = app.get(FeedIndexStore).current();
    expect(last?.fileIdentity).not.toBe(first?.fileIdentity);
    expect(last?.layout.count).toBe(10);
  });

  it('runs two statements whatever the number of results (X-Query-Count)', async () => {
    const author = await newMember(app);
    const ids: number[] = [];
    for (let i = 0; i < 30; i++) ids.push(await post(author, `Trail run ${i}`, 'run in the hills'));
    await rebuildAndWait(app);
    const small = await similar(author, ids[0], { limit: 1 }).expect(200);
    const large = await similar(author, ids[0], { limit: 50 }).expect(200);
    expect(small.body).toHaveLength(1);
    expect(large.body.length).toBeGreaterThan(20);
    expect([small.headers['x-query-count'], large.headers['x-query-count']]).toEqual(['2', '2']);
  });

  it('needs a token', async () => {
    expect((await http.get('/feeds/1/similar')).status).toBe(401);
  });
});

describe('GET /feeds/:id/similar before any index exists (e2e)', () => {
  let app: INestApplication;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    const api = await startApi();
    ({ app } = api);
    stop = api.restore;
    await resetDatabase(app);
  });
  afterAll(() => stop());

  it('answers 503 INDEX_NOT_READY for an existing item and 404 for an unknown one', async () => {
    const member = await newMember(app);
    const id = (
      await request(app.getHttpServer())
        .post('/feeds/teams')
        .set('Authorization', member.auth)
        .send({ roomName: 'Sunday swimmers' })
        .expect(201)
    ).body.id;
    expect(app.get(FeedIndexStore).current()).toBeNull();
    const notReady = await request(app.getHttpServer()).get(`/feeds/${id}/similar`).set('Authorization', member.auth);
    expect([notReady.status, notReady.body.code]).toEqual([503, 'INDEX_NOT_READY']);
    const unknown = await request(app.getHttpServer())
      .get(`/feeds/${id + 1000}/similar`)
      .set('Authorization', member.auth);
    expect([unknown.status, unknown.body.code]).toEqual([404, 'NOT_FOUND']);
    await rebuildAndWait(app);
    await request(app.getHttpServer()).get(`/feeds/${id}/similar`).set('Authorization', member.auth).expect(200, []);
  });
});
