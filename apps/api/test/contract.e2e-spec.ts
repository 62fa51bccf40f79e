import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import request from 'supertest';
import { createTestApp } from '@app/testing';

/**
 * The contract generated clients are built from: /swagger-json passes Redocly's recommended rules
 * with no error and no warning, and openapi-typescript's types serve a small client (usage.ts.txt):
 * a feed item narrowed by `type`, a booking refusal's `code`.
 */
describe('The OpenAPI contract (e2e)', () => {
  let document: string;
  let dir: string;

  beforeAll(async () => {
    const app = await createTestApp();
    try {
      document = (await request(app.getHttpServer()).get('/swagger-json').expect(200)).text;
    } finally {
      await app.close();
    }
    dir = mkdtempSync(join(tmpdir(), 'gym-contract-'));
    if (process.env.CONTRACT_DUMP) writeFileSync(process.env.CONTRACT_DUMP, document);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("passes Redocly's recommended rules with no error and no warning", () => {
    writeFileSync(join(dir, 'openapi.json'), document);
    // The CLI in a child process (it is an ES module bundle), run where no redocly.yaml is: the built-in recommended rules.
    const cli = join(dirname(require.resolve('@redocly/cli/package.json')), 'bin', 'cli.js');
    const run = spawnSync(process.execPath, [cli, 'lint', 'openapi.json', '--format=json'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
    const report = JSON.parse(run.stdout) as {
      totals: { errors: number; warnings: number };
      problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[];
    };
    const found = report.problems.map(
      (problem) => `${problem.severity} ${problem.ruleId} at ${problem.location[0]?.pointer}: ${problem.message}`,
    );
    expect(found).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    expect(run.status).toBe(0);
  });

  it('answers the one 4xx documented on GET /health and GET /price-policies', async () => {
    const app = await createTestApp();
    try {
      for (const path of ['/health', '/price-policies']) {
        const res = await request(app.getHttpServer()).get(path).set('Content-Type', 'application/json').send('{"oops": ');
        expect({ path, status: res.status, code: res.body.code }).toEqual({ path, status: 400, code: 'MALFORMED_JSON' });
      }
    } finally {
      await app.close();
    }
  });

  it('describes the feed item as oneOf post, game and team with a discriminator on type', () => {
    const doc = JSON.parse(document);
    const schemas = doc.components.schemas;
    const feedItem = {
      oneOf: [
        { $ref: '#/components/schemas/PostFeedResponse' },
        { $ref: '#/components/schemas/GameFeedResponse' },
        { $ref: '#/components/schemas/TeamFeedResponse' },
      ],
      discriminator: {
        propertyName: 'type',
        mapping: {
          post: '#/components/schemas/PostFeedResponse',
          game: '#/components/schemas/GameFeedResponse',
          team: '#/components/schemas/TeamFeedResponse',
        },
      },
    };
    expect(doc.paths['/feeds/{id}'].get.responses['200'].content['application/json'].schema).toEqual(feedItem);
    expect(schemas.FeedPageResponse.properties.items).toEqual({ type: 'array', items: feedItem });
    expect(schemas.SimilarFeedResponse.properties.feed).toMatchObject(feedItem);
    expect(schemas.PostFeedResponse.properties.type).toEqual({ type: 'string', enum: ['post'] });
    expect(schemas.PostFeedResponse.required).toEqual(expect.arrayContaining(['type', 'title', 'body']));
    expect(schemas.LessonResponse.properties.id).toMatchObject({ type: 'integer' });
    expect(schemas.LessonResponse.properties.startDate).toMatchObject({ type: 'string', format: 'date' });
    expect(schemas.CreditResponse.properties.createdAt).toMatchObject({ type: 'string', format: 'date-time' });
  });

  it('generates types with openapi-typescript that a small client type-checks against', () => {
    // Its CLI, in a child process: the package's dependencies are ES modules, which Jest cannot require.
    writeFileSync(join(dir, 'openapi.json'), document);
    const cli = join(dirname(require.resolve('openapi-typescript/package.json')), 'bin', 'cli.js');
    execFileSync(process.execPath, [cli, join(dir, 'openapi.json'), '--output', join(dir, 'api-types.ts')], { stdio: 'pipe' });
    writeFileSync(join(dir, 'usage.ts'), readFileSync(join(__dirname, 'contract', 'usage.ts.txt'), 'utf8'));
    const program = ts.createProgram([join(dir, 'usage.ts')], {
      strict: true,
      noEmit: true,
      noFallthroughCasesInSwitch: true,
      noImplicitReturns: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.CommonJS,
      skipLibCheck: true,
      types: [],
    });
    const diagnostics = ts
      .getPreEmitDiagnostics(program)
      .map((d) => `${d.file ? d.file.fileName.split('/').pop() : ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    expect(diagnostics).toEqual([]);
  });
});
