/**
 * `npm run bench:adapters`: the Nest Express adapter versus the Fastify adapter, all else equal.
 * Starts bench/adapters/server.ts once per variant, rounds alternating express, fastify, node
 * (bare node:http baseline), and drives `GET /ping` and `GET /lessons/:id` with autocannon
 * (a warm-up, then a measured run). Reports req/s, p50, p99 and the server's CPU time per request
 * (utime + stime from /proc/<pid>/stat), the steadier figure on a shared machine. Needs MariaDB with
 * the seeded gym_bench database. Options: BENCH_SECONDS (8), BENCH_WARMUP (3), BENCH_CONNECTIONS
 * (32), BENCH_ROUNDS (2), BENCH_LESSON (default: the lesson with about 20 reservations).
 */
import autocannon from 'autocannon';
import { type ChildProcess, spawn } from 'node:child_process';
import { isDeepStrictEqual } from 'node:util';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { createConnection, type RowDataPacket } from 'mysql2/promise';

const ROOT = join(__dirname, '../..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const VARIANTS = ['express', 'fastify', 'node'] as const;
const PORT = 8110;
const TICKS_PER_SECOND = 100;

interface Run {
  round: number;
  adapter: (typeof VARIANTS)[number];
  route: string;
  rps: number;
  p50: number;
  p99: number;
  cpuUsPerRequest: number;
  serverCpuPercent: number;
  requests: number;
  non2xx: number;
  errors: number;
}

/** utime + stime of a process, in clock ticks (fields 14 and 15, counted after the `(comm)` field). */
function cpuTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

function start(adapter: string): Promise<ChildProcess> {
  const args = ['-r', 'ts-node/register/transpile-only', 'bench/adapters/server.ts'];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ADAPTER: adapter, PORT: String(PORT) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('ready on')) resolve(child);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${adapter} server exited with ${code}:\n${output}`)));
  });
}

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGTERM'))));

async function measure(child: ChildProcess, round: number, adapter: Run['adapter'], route: string, path: string): Promise<Run> {
  const url = `http://127.0.0.1:${PORT}${path}`;
  await autocannon({ url, connections: CONNECTIONS, duration: WARMUP });
  const before = cpuTicks(child.pid!);
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS });
  const ticks = cpuTicks(child.pid!) - before;
  const cpuSeconds = ticks / TICKS_PER_SECOND;
  return {
    round,
    adapter,
    route,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuUsPerRequest: Math.round((cpuSeconds * 1e7) / result.requests.total) / 10,
    serverCpuPercent: Math.round((100 * cpuSeconds) / result.duration),
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

async function pickLesson(): Promise<number> {
  if (process.env.BENCH_LESSON) return Number(process.env.BENCH_LESSON);
  const db = await createConnection({ host: '127.0.0.1', user: 'root', database: 'gym_bench' });
  const [[row]] = await db.query<RowDataPacket[]>(
    'select lesson_id as id from reservation group by lesson_id order by abs(count(*) - 20), lesson_id limit 1',
  );
  await db.end();
  return Number(row.id);
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

async function main(): Promise<void> {
  const lesson = await pickLesson();
  const routes: [string, string][] = [
    ['GET /ping', '/ping'],
    [`GET /lessons/${lesson}`, `/lessons/${lesson}`],
  ];
  const runs: Run[] = [];
  const bodies = new Map<string, unknown>();
  for (let round = 1; round <= ROUNDS; round++) {
    for (const adapter of VARIANTS) {
      const child = await start(adapter);
      try {
        for (const [route, path] of routes) {
          // every variant must give the same answer, or the comparison means nothing
          const body: unknown = await (await fetch(`http://127.0.0.1:${PORT}${path}`)).json();
          if (!bodies.has(route)) bodies.set(route, body);
          if (!isDeepStrictEqual(bodies.get(route), body))
            throw new Error(`${adapter} answers ${route} differently: ${JSON.stringify(body)}`);
          const run = await measure(child, round, adapter, route, path);
          runs.push(run);
          console.log(`round ${round} ${adapter.padEnd(7)} ${route}: ${run.rps} req/s, ${run.cpuUsPerRequest} µs CPU/request`);
        }
      } finally {
        await stop(child);
      }
    }
  }

  const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const summary = routes.flatMap(([route]) =>
    VARIANTS.map((adapter) => {
      const mine = runs.filter((run) => run.route === route && run.adapter === adapter);
      return {
        route,
        adapter,
        rps: Math.round(mean(mine.map((run) => run.rps))),
        cpuUsPerRequest: Math.round(10 * mean(mine.map((run) => run.cpuUsPerRequest))) / 10,
      };
    }),
  );
  const table = [
    `Machine: ${machine}. ${CONNECTIONS} connections, ${WARMUP} s warm-up + ${SECONDS} s measured per route; lesson ${lesson} has ${(bodies.get(routes[1][0]) as { reservations: unknown[] }).reservations.length} reservations. node = bare node:http baseline, same pool and SQL.`,
    '',
    '| round | adapter | route | req/s | p50 ms | p99 ms | server CPU µs/request | server CPU % | non-2xx + errors |',
    '|---|---|---|---|---|---|---|---|---|',
    ...runs.map(
      (r) =>
        `| ${r.round} | ${r.adapter} | ${r.route} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.cpuUsPerRequest} | ${r.serverCpuPercent} | ${r.non2xx + r.errors} |`,
    ),
    '',
    '| route | adapter | mean req/s | mean CPU µs/request |',
    '|---|---|---|---|',
    ...summary.map((s) => `| ${s.route} | ${s.adapter} | ${s.rps} | ${s.cpuUsPerRequest} |`),
  ].join('\n');
  console.log(`\n${table}`);
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(
    join(ROOT, 'bench/results/adapters.json'),
    JSON.stringify({ machine, connections: CONNECTIONS, warmupSeconds: WARMUP, seconds: SECONDS, lesson, runs, summary }, null, 2),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
