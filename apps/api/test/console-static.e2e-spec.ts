import type { INestApplication } from '@nestjs/common';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createTestApp, newStaff, withEnv } from '@app/testing';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const INDEX =
  '<!doctype html><html><head><title>Gym console</title><script type="module" src="/admin/assets/app-abc123.js"></script></head><body><div id="root"></div></body></html>\n';
const SCRIPT = 'console.log("the console");\n';
const CONSOLE_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
];

/** An app whose CONSOLE_DIR is `dir` (the variable is read when the app is created). */
const appServing = (dir: string) => withEnv({ CONSOLE_DIR: dir }, () => createTestApp());

describe('The staff console at /admin (e2e)', () => {
  let dir: string;
  let app: INestApplication;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gym-console-'));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'index.html'), INDEX);
    await writeFile(join(dir, 'assets', 'app-abc123.js'), SCRIPT);
    await writeFile(join(dir, 'secret.txt'), 'not served');
    app = await appServing(dir);
    http = request(app.getHttpServer());
  });
  afterAll(async () => {
    await app?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const expectIndex = (res: request.Response) => {
    expect({ status: res.status, type: String(res.headers['content-type']).toLowerCase(), cache: res.headers['cache-control'] }).toEqual({
      status: 200,
      type: 'text/html; charset=utf-8',
      cache: 'no-cache',
    });
    expect(res.text).toBe(INDEX);
  };

  it('serves index.html at /admin, /admin/ and /admin/index.html, not cached without revalidation, and to no one in particular', async () => {
    for (const path of ['/admin', '/admin/', '/admin/index.html']) {
      expectIndex(await http.get(path).set('Accept', BROWSER_ACCEPT));
      expectIndex(await http.get(path));
    }
  });

  it('answers any other page below /admin with index.html (the app routes on the client)', async () => {
    for (const path of [
      '/admin/users',
      '/admin/users/7/show',
      '/admin/lessons?from=2030-01-01',
      '/admin/secret.txt',
      '/admin/queues-report',
    ]) {
      expectIndex(await http.get(path).set('Accept', BROWSER_ACCEPT));
    }
  });

  it('serves an asset for a year, immutable, and a missing one as a 404, never index.html', async () => {
    const asset = await http.get('/admin/assets/app-abc123.js').expect(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(asset.text).toBe(SCRIPT);
    for (const path of [
      '/admin/assets/app-000000.js',
      '/admin/assets/',
      '/admin/assets/../index.html',
      '/admin/assets/%2e%2e/secret.txt',
    ]) {
      const missing = await http.get(path);
      expect({ path, status: missing.status }).toEqual({ path, status: 404 });
      expect(missing.text).not.toContain('Gym console');
    }
  });

  it('answers HEAD like GET, without a body', async () => {
    const page = await http.head('/admin/users');
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['content-length']).toBe(String(Buffer.byteLength(INDEX)));
    expect(page.text ?? '').toBe('');
    const asset = await http.head('/admin/assets/app-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('gives its pages and assets the console policy: self-only scripts, inline styles, no upgrade to https', async () => {
    for (const path of ['/admin', '/admin/users', '/admin/assets/app-abc123.js']) {
      const policy = (await http.get(path)).headers['content-security-policy'] as string;
      expect({ path, directives: policy.split(';').map((directive) => directive.trim()) }).toEqual({ path, directives: CONSOLE_POLICY });
    }
    // the API keeps helmet's strict policy, the dashboard none of ours
    expect((await http.get('/health')).headers['content-security-policy']).toContain('upgrade-insecure-requests');
    expect((await http.get('/admin/queues')).headers['content-security-policy']).toBeUndefined();
  });

  it('leaves the queue dashboard as it was: a browser is sent to /login, an API client gets 401, staff get the board', async () => {
    for (const page of ['/admin/queues', '/admin/queues/queue/email?status=failed']) {
      const browser = await http.get(page).set('Accept', BROWSER_ACCEPT).expect(303);
      expect(browser.headers.location).toBe(`/login?next=${encodeURIComponent(page)}`);
    }
    expect((await http.get('/admin/queues/api/queues').set('Accept', 'application/json')).body.code).toBe('UNAUTHENTICATED');
    const staff = await newStaff(app);
    const board = await http.get('/admin/queues').set('Authorization', staff.auth).expect(200);
    expect(board.text).not.toContain('Gym console');
    expect((await http.get('/admin/queues/api/queues').set('Authorization', staff.auth).expect(200)).body.queues).toHaveLength(2);
  });

  it('leaves other methods to the API (404 in its error shape), and is not in Swagger', async () => {
    const post = await http.post('/admin/users').send({});
    expect(post.status).toBe(404);
    expect(post.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    const doc = (await http.get('/swagger-json').expect(200)).body as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths).filter((path) => path.startsWith('/admin'))).toEqual([]);
  });

  it('answers 503 with a short message naming the build step when the console is not built', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'gym-console-empty-'));
    const unbuilt = await appServing(join(empty, 'missing'));
    try {
      const web = request(unbuilt.getHttpServer());
      for (const path of ['/admin', '/admin/', '/admin/users']) {
        const res = await web.get(path).set('Accept', BROWSER_ACCEPT);
        expect({ path, status: res.status, type: res.headers['content-type'] }).toEqual({
          path,
          status: 503,
          type: 'text/plain; charset=utf-8',
        });
        expect(res.text).toContain('not built');
        expect(res.text).toContain('npm run build');
        expect(res.text).not.toMatch(/ at |\/tmp\//);
      }
      expect((await web.get('/admin/assets/app-abc123.js')).status).toBe(404);
      expect((await web.get('/admin/queues').set('Accept', BROWSER_ACCEPT)).status).toBe(303);
    } finally {
      await unbuilt.close();
      await rm(empty, { recursive: true, force: true });
    }
  });
});
