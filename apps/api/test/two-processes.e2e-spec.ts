import type { INestApplication } from '@nestjs/common';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FeedIndexBuilder, RecommendBuilderModule } from '@app/recommend';
import { createTestApp, freePort, newMember, newPricePolicy, resetDatabase } from '@app/testing';
import { type ApiChild, startApiProcess } from './api-child';

interface Answer {
  status: number;
  headers: Headers;
  body: { code?: string } & Record<string, unknown>;
}

/** One API process, seen from outside: plain HTTP on its own port. */
function client(port: number) {
  return async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> => {
    const res = await fetch(`http://127.0.0.1:${port}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : {} };
  };
}

/**
 * Two API processes on two ports, one MySQL database (this Jest worker's) and one Redis db: what
 * one process learns, the other must know. The test's own app (same database, Redis and index
 * file) creates the data and rebuilds the index, as the worker or the CLI would.
 */
describe('two API processes on one database and one Redis (e2e)', () => {
  let app: INestApplication;
  let directory: string;
  const apis: ApiChild[] = [];
  let a: ReturnType<typeof client>;
  let b: ReturnType<typeof client>;
  const saved = process.env.RECOMMEND_INDEX_PATH;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'gym-two-processes-'));
    process.env.RECOMMEND_INDEX_PATH = join(directory, 'feed-index.bin');
    app = await createTestApp({ imports: [RecommendBuilderModule] });
    await resetDatabase(app);
    const env = { LOGIN_RATE_LIMIT: '3', LOGIN_RATE_WINDOW_SECONDS: '60', RECOMMEND_RELOAD_INTERVAL_MS: '200' };
    const [portA, portB] = [await freePort(), await freePort()];
    apis.push(...(await Promise.all([startApiProcess(portA, 180_000, env), startApiProcess(portB, 180_000, env)])));
    [a, b] = [client(portA), client(portB)];
  }, 240_000);

  afterAll(async () => {
    for (const api of apis) api.child.kill('SIGTERM');
    await Promise.all(apis.map((api) => api.exited));
    await app?.close();
    process.env.RECOMMEND_INDEX_PATH = saved;
    await rm(directory, { recursive: true, force: true });
  }, 60_000);

  it('counts login attempts split across both processes together', async () => {
    const victim = await newMember(app, { password: 'the-right-password' });
    const attempt = (api: typeof a, password: string) => api('POST', '/auth/login', { username: victim.user.username, password });

    expect((await attempt(a, 'guess-1')).status).toBe(401);
    expect((await attempt(b, 'guess-2')).status).toBe(401);
    expect((await attempt(a, 'guess-3')).status).toBe(401);
    // each process saw at most two attempts: only a shared count reaches the limit of 3
    const blocked = await attempt(b, 'the-right-password');
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('TOO_MANY_REQUESTS');
    expect((await attempt(a, 'the-right-password')).status).toBe(429);
  });

  it('replays on one process the answer to an idempotency key claimed on the other', async () => {
    const member = await newMember(app);
    const policy = await newPricePolicy(app, { creditCount: 10 });
    const buy = (api: typeof a) =>
      api(
        'POST',
        '/credits',
        { pricePolicyId: policy.id, startDate: '2090-01-10' },
        { Authorization: member.auth, 'Idempotency-Key': 'buy-once' },
      );

    const first = await buy(a);
    expect(first.status).toBe(201);
    const again = await buy(b);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    const ledger = await b('GET', '/credits', undefined, { Authorization: member.auth });
    expect((ledger.body as unknown as { type: string }[]).filter((entry) => entry.type === 'purchase')).toHaveLength(1);
  });

  it('serves a recommendation index rebuilt once from both processes', async () => {
    const author = await newMember(app);
    const post = async (title: string, body: string) =>
      (await a('POST', '/feeds/posts', { title, body }, { Authorization: author.auth })).body.id as number;
    const runs = [await post('Morning run', 'An easy 5 km run by the river'), await post('Interval run', 'Hard intervals by the river')];
    await post('Futsal', 'Five a side in Mapo');
    const similar = (api: typeof a) => api('GET', `/feeds/${runs[0]}/similar`, undefined, { Authorization: author.auth });
    expect((await similar(b)).body.code).toBe('INDEX_NOT_READY');

    await app.get(FeedIndexBuilder).rebuild();

    const answers: Answer[] = [];
    const deadline = Date.now() + 15_000;
    for (const api of [a, b]) {
      let answer = await similar(api);
      while (answer.status !== 200 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        answer = await similar(api);
      }
      answers.push(answer);
    }
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    const ids = (answer: Answer) => (answer.body as unknown as { feed: { id: number } }[]).map((item) => item.feed.id);
    expect(ids(answers[0])[0]).toBe(runs[1]);
    expect(ids(answers[1])).toEqual(ids(answers[0]));
  });
});
