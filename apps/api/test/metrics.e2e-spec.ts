import type { INestApplication } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { Metrics } from '@app/core';
import { EMAIL_QUEUE, SEND_EMAIL_JOB } from '@app/jobs';
import { FeedIndexBuilder, FeedIndexStore, RecommendBuilderModule } from '@app/recommend';
import { createTestApp, type Member, newMember, resetDatabase, sampleValue, withEnv } from '@app/testing';

const TOKEN = 'metrics-e2e-token-0123456789';

describe('GET /metrics (e2e)', () => {
  describe('without METRICS_TOKEN', () => {
    it('answers 404 exactly as an unknown route does, whatever the header', async () => {
      const app = await withEnv({ METRICS_TOKEN: '' }, () => createTestApp());
      try {
        const http = request(app.getHttpServer());
        const unknown = await http.get('/no-such-route').expect(404);
        const res = await http.get('/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(404);
        expect(res.body).toEqual({ ...unknown.body, message: 'Cannot GET /metrics' });
        expect(res.body).toEqual({ statusCode: 404, code: 'NOT_FOUND', message: 'Cannot GET /metrics' });
        // not API for clients: out of the OpenAPI document, so out of the sweeps that walk it
        const document = await http.get('/swagger-json').expect(200);
        expect(Object.keys(document.body.paths)).not.toContain('/metrics');
        // and nothing is recorded that nobody may read
        expect(await app.get(Metrics).text()).not.toMatch(/^gym_http_requests_total\{/m);
      } finally {
        await app.close();
      }
    });
  });

  describe('with METRICS_TOKEN', () => {
    let app: INestApplication;
    let http: ReturnType<typeof request>;
    let directory: string;
    let member: Member;
    const scrape = async (): Promise<string> =>
      (
        await http
          .get('/metrics')
          .set('Authorization', `Bearer ${TOKEN}`)
          .expect(200)
          .expect('Content-Type', /^text\/plain;.*version=0\.0\.4/)
      ).text;

    beforeAll(async () => {
      directory = await mkdtemp(join(tmpdir(), 'gym-metrics-e2e-'));
      app = await withEnv({ METRICS_TOKEN: TOKEN, RECOMMEND_INDEX_PATH: join(directory, 'feed-index.bin') }, () =>
        createTestApp({ imports: [RecommendBuilderModule] }),
      );
      http = request(app.getHttpServer());
      await resetDatabase(app);
      member = await newMember(app);
    });
    afterAll(async () => {
      await app.close();
      await rm(directory, { recursive: true, force: true });
    });

    it.each([
      ['no header', undefined],
      ['a wrong token', `Bearer ${TOKEN}x`],
      ['a prefix of the token', `Bearer ${TOKEN.slice(0, 10)}`],
      ['another scheme', `Basic ${TOKEN}`],
      ['a user JWT', 'member'],
    ])('refuses %s with 401 UNAUTHENTICATED in the error shape', async (_what, header) => {
      const req = http.get('/metrics');
      if (header) req.set('Authorization', header === 'member' ? member.auth : header);
      const res = await req.expect(401);
      expect(res.body).toEqual({
        statusCode: 401,
        code: 'UNAUTHENTICATED',
        message: 'The metrics token is missing or wrong: send Authorization: Bearer <METRICS_TOKEN>',
      });
    });

    it('counts requests and their latency by route pattern and status, never by raw URL, and leaves itself out', async () => {
      const id = (
        await http.post('/feeds/posts').set('Authorization', member.auth).send({ title: 'Squats', body: 'Deep ones' }).expect(201)
      ).body.id as number;
      const before = await scrape();
      const byPattern = { method: 'GET', route: '/feeds/:id', status: '200' };
      const was = sampleValue(before, 'gym_http_requests_total', byPattern) ?? 0;
      await http.get(`/feeds/${id}`).set('Authorization', member.auth).expect(200);
      await http.get(`/feeds/${id}`).set('Authorization', member.auth).expect(200);
      await http
        .get(`/feeds/${id + 1000}`)
        .set('Authorization', member.auth)
        .expect(404);
      await http.get(`/feeds/${id}`).expect(401);
      await http.get(`/no-such-route/${id}`).expect(404);
      // the console is middleware: labelled by where it is mounted, whatever the page
      const consolePage = await http.get(`/admin/members/${id}`);
      const text = await scrape();
      expect(sampleValue(text, 'gym_http_requests_total', byPattern)).toBe(was + 2);
      expect(sampleValue(text, 'gym_http_requests_total', { ...byPattern, status: '404' })).toBeGreaterThanOrEqual(1);
      expect(sampleValue(text, 'gym_http_requests_total', { ...byPattern, status: '401' })).toBeGreaterThanOrEqual(1);
      expect(sampleValue(text, 'gym_http_requests_total', { method: 'GET', route: 'unmatched', status: '404' })).toBeGreaterThanOrEqual(1);
      expect(
        sampleValue(text, 'gym_http_requests_total', { method: 'GET', route: '/admin', status: String(consolePage.status) }),
      ).toBeGreaterThanOrEqual(1);
      expect(sampleValue(text, 'gym_http_request_duration_seconds_count', byPattern)).toBe(was + 2);
      expect(sampleValue(text, 'gym_http_request_duration_seconds_bucket', { ...byPattern, le: '+Inf' })).toBe(was + 2);
      expect(sampleValue(text, 'gym_http_request_duration_seconds_sum', byPattern)).toBeGreaterThan(0);
      expect(sampleValue(text, 'gym_http_requests_total', { method: 'POST', route: '/feeds/posts', status: '201' })).toBe(1);
      expect(text).not.toContain(`/${id}"`);
      expect(text).not.toContain('route="/metrics"');
    });

    it('records the statements each request ran in a histogram per route', async () => {
      const before = await scrape();
      const labels = { method: 'GET', route: '/users/me' };
      const count = sampleValue(before, 'gym_http_request_statements_count', labels) ?? 0;
      const sum = sampleValue(before, 'gym_http_request_statements_sum', labels) ?? 0;
      const res = await http.get('/users/me').set('Authorization', member.auth).expect(200);
      const ran = Number(res.headers['x-query-count']);
      expect(ran).toBeGreaterThan(0);
      const text = await scrape();
      expect(sampleValue(text, 'gym_http_request_statements_count', labels)).toBe(count + 1);
      expect(sampleValue(text, 'gym_http_request_statements_sum', labels)).toBe(sum + ran);
      expect(sampleValue(text, 'gym_http_request_statements_bucket', { ...labels, le: String(ran) })).toBeGreaterThanOrEqual(1);
    });

    it('reports the MySQL pool and Node process metrics', async () => {
      const text = await scrape();
      for (const state of ['used', 'free', 'pending'])
        expect(sampleValue(text, 'gym_db_pool_connections', { state })).toBeGreaterThanOrEqual(0);
      expect(
        sampleValue(text, 'gym_db_pool_connections', { state: 'free' })! + sampleValue(text, 'gym_db_pool_connections', { state: 'used' })!,
      ).toBeGreaterThan(0);
      expect(sampleValue(text, 'process_cpu_user_seconds_total', {})).toBeGreaterThan(0);
      expect(sampleValue(text, 'nodejs_heap_size_used_bytes', {})).toBeGreaterThan(0);
    });

    it('shows an enqueued job in the queue depth gauge', async () => {
      const queue = app.get<Queue>(getQueueToken(EMAIL_QUEUE));
      const before = await scrape();
      const waiting = sampleValue(before, 'gym_queue_jobs', { queue: 'email', state: 'waiting' });
      const delayed = sampleValue(before, 'gym_queue_jobs', { queue: 'email', state: 'delayed' });
      expect(waiting).toBeGreaterThanOrEqual(0);
      expect(sampleValue(before, 'gym_queue_jobs', { queue: 'maintenance', state: 'failed' })).toBeGreaterThanOrEqual(0);
      // no worker runs in this test: the jobs stay where they were put
      const jobs = [await queue.add(SEND_EMAIL_JOB, { probe: true }), await queue.add(SEND_EMAIL_JOB, { probe: true }, { delay: 60_000 })];
      try {
        const text = await scrape();
        expect(sampleValue(text, 'gym_queue_jobs', { queue: 'email', state: 'waiting' })).toBe(waiting! + 1);
        expect(sampleValue(text, 'gym_queue_jobs', { queue: 'email', state: 'delayed' })).toBe(delayed! + 1);
      } finally {
        for (const job of jobs) await job.remove();
      }
    });

    it('reports the index size and the search latency', async () => {
      expect(sampleValue(await scrape(), 'gym_recommend_index_items', {})).toBe(0);
      const ids: number[] = [];
      for (const title of ['Deadlift form', 'Deadlift grip', 'Yoga at dawn'])
        ids.push((await http.post('/feeds/posts').set('Authorization', member.auth).send({ title, body: title }).expect(201)).body.id);
      const summary = await app.get(FeedIndexBuilder).rebuild();
      const deadline = Date.now() + 10_000;
      while (app.get(FeedIndexStore).current()?.layout.builtAt !== Date.parse(summary.builtAt)) {
        if (Date.now() > deadline) throw new Error('The API did not pick up the index');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await http.get(`/feeds/${ids[0]}/similar`).set('Authorization', member.auth).expect(200);
      const text = await scrape();
      const items = app.get(FeedIndexStore).current()!.layout.count;
      expect(items).toBeGreaterThanOrEqual(3);
      expect(sampleValue(text, 'gym_recommend_index_items', {})).toBe(items);
      expect(sampleValue(text, 'gym_recommend_index_bytes', {})).toBe(app.get(FeedIndexStore).current()!.layout.byteLength);
      expect(sampleValue(text, 'gym_recommend_search_seconds_count', { outcome: 'found' })).toBe(1);
      expect(sampleValue(text, 'gym_recommend_search_seconds_sum', { outcome: 'found' })).toBeGreaterThan(0);
    });
  });
});
