/**
 * `npm run bench:health-under-search`: does the API's event loop stay free while similarity
 * searches run? Writes a synthetic index (500,000 × 256 by default), starts the built API on the
 * bench database (run `npm run bench` once first), and measures `GET /health` alone, then while
 * `GET /feeds/:id/similar` is hammered. Prints a Markdown table.
 */
import autocannon from 'autocannon';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeIndexFile } from '../libs/recommend/src/index-file/index-file.writer';
import { benchEnv } from './bench-env';
import { syntheticRows } from './synthetic-index';

const ROOT = join(__dirname, '..');
const VECTORS = Number(process.env.BENCH_VECTORS ?? 500_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const PORT = 8103;

async function main(): Promise<void> {
  execFileSync('npm', ['run', '--silent', 'build:if-needed'], { cwd: ROOT, stdio: 'inherit' });
  const directory = await mkdtemp(join(tmpdir(), 'gym-health-bench-'));
  const indexPath = join(directory, 'feed-index.bin');
  await writeIndexFile(indexPath, {
    dimension: 256,
    builtAt: Date.now(),
    ids: Uint32Array.from({ length: VECTORS }, (_, i) => i + 1),
    rows: syntheticRows(VECTORS, 256),
  });
  const env = benchEnv({
    NODE_ENV: 'production',
    PORT: String(PORT),
    LOG_LEVEL: 'warn',
    RECOMMEND_INDEX_PATH: indexPath,
    RECOMMEND_THREADS: '2',
  });
  execFileSync(process.execPath, ['dist/apps/cli/apps/cli/src/main.js', 'migrate'], { cwd: ROOT, env, stdio: 'ignore' });
  const api: ChildProcess = spawn(process.execPath, ['dist/apps/api/apps/api/src/main.js'], { cwd: ROOT, env, stdio: 'ignore' });
  try {
    for (let i = 0; i < 300; i++) {
      if (
        await fetch(`http://127.0.0.1:${PORT}/health`).then(
          (res) => res.ok,
          () => false,
        )
      )
        break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const login = await fetch(`http://127.0.0.1:${PORT}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'demo0001', password: 'demo-password' }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const health = () => autocannon({ url: `http://127.0.0.1:${PORT}/health`, connections: 2, duration: SECONDS });
    const alone = await health();
    const [underLoad, searches] = await Promise.all([
      health(),
      autocannon({
        url: `http://127.0.0.1:${PORT}/feeds/5/similar?limit=10`,
        connections: 8,
        duration: SECONDS,
        headers: { authorization: `Bearer ${accessToken}` },
      }),
    ]);
    console.log(`\nIndex ${VECTORS} × 256 (${Math.round((VECTORS * 256 * 4) / 2 ** 20)} MiB), 2 search threads, ${SECONDS} s per run.\n`);
    console.log('| run | req/s | p50 ms | p99 ms | non-2xx |\n|---|---|---|---|---|');
    for (const [name, result] of [
      ['GET /health alone', alone],
      ['GET /health while searching', underLoad],
      ['GET /feeds/5/similar (8 connections)', searches],
    ] as const) {
      console.log(
        `| ${name} | ${Math.round(result.requests.average)} | ${result.latency.p50} | ${result.latency.p99} | ${result.non2xx} |`,
      );
    }
  } finally {
    api.kill('SIGTERM');
    await rm(directory, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
