/**
 * `npm run bench`: seeds a demo data set into its own database, starts the built API (development
 * mode once to read X-Query-Count and set up, production mode for load), drives it with autocannon
 * over loopback, compares with a bare node:http + mysql2 floor, prints a Markdown table and writes
 * bench/results/latest.json. Besides req/s and latency it reports the CPU time per request of the
 * server and of MariaDB (from /proc), steadier than req/s on a shared machine.
 * Needs MySQL/MariaDB and Redis up. Options: BENCH_SECONDS (default 8: the measured pass of each
 * endpoint), BENCH_WARMUP_SECONDS (default 4: the warm-up pass before it), BENCH_CONNECTIONS
 * (default 32), BENCH_ONLY=<substring> (only the endpoints whose name contains it, case-insensitive;
 * the floor still runs), BENCH_SKIP_SEED=1 (reuse gym_bench when it holds the demo data; the
 * bench lesson and the booking members are created afresh on every run), BENCH_CPU_PROF=<dir> (a CPU
 * profile of the production API), BENCH_COMPARE_URL=<base URL> (the same reads against another
 * implementation, rows beside ours; see compare.ts), BENCH_API_PROCESSES=<n> (the production API as n
 * processes on its port, API_PROCESSES; CPU counts the primary and its workers). Must finish in 5 minutes.
 */
import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { BENCH_DATABASE, benchEnv } from './bench-env';
import { warmThenMeasurePair } from './book-cancel';
import { compareReads, comparedPid } from './compare';
import { clearQueues, dataIds, prepareDatabase } from './dataset';
import { EMAIL_BODY, EMAILS, endpoints, PAIR, PROMOTION, PURCHASE } from './endpoints';
import { warmThenMeasurePromotion } from './waitlist-promotion';
import { type LoadSettings, warmThenMeasure, type Watched } from './load';
import { developmentPass } from './probe';
import { findListeningPid, waitForIdle } from './proc-cpu';
import { cell, logReport, markdown, promotionLine, type Row, row, writeJson } from './report';
import { logSummary, withServer } from './servers';

const ROOT = join(__dirname, '..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const SETTINGS: LoadSettings = {
  seconds: SECONDS,
  warmUpSeconds: Number(process.env.BENCH_WARMUP_SECONDS ?? Math.min(4, SECONDS)),
  connections: Number(process.env.BENCH_CONNECTIONS ?? 32),
};
const ONLY = process.env.BENCH_ONLY || undefined;
const SKIP_SEED = process.env.BENCH_SKIP_SEED === '1';
const COMPARE_URL = process.env.BENCH_COMPARE_URL || undefined;
const ENV = benchEnv({ N_PLUS_ONE_MODE: 'warn' });
const RESULTS = join(ROOT, 'bench/results');
const API = ['dist/apps/api/apps/api/src/main.js'];
const LOGS = { dev: join(RESULTS, 'api-development.log'), api: join(RESULTS, 'api-production.log'), floor: join(RESULTS, 'floor.log') };
// the development pass signs up and logs in 2 fresh members per connection, over the default rate limits
const DEV = {
  args: API,
  port: 8101,
  env: { ...ENV, NODE_ENV: 'development', LOGIN_RATE_LIMIT: '1000', SIGNUP_RATE_LIMIT: '1000' },
  ready: 'API listening',
  log: LOGS.dev,
};
// BENCH_CPU_PROF=<dir>: the production API writes a V8 CPU profile there when it stops (open it in Chrome DevTools)
const PROFILE = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
// BENCH_API_PROCESSES=<n>: the production API runs as n processes on its port (API_PROCESSES)
const PROCESSES = process.env.BENCH_API_PROCESSES || '1';
const PROD = {
  args: [...PROFILE, ...API],
  port: 8100,
  env: { ...ENV, NODE_ENV: 'production', API_PROCESSES: PROCESSES },
  ready: 'API listening',
  log: LOGS.api,
};
const FLOOR = {
  args: ['-r', 'ts-node/register/transpile-only', 'bench/floor-server.ts'],
  port: 8102,
  env: ENV,
  ready: 'floor ready',
  log: LOGS.floor,
};
const MINUTES_ALLOWED = 5;

async function main(): Promise<void> {
  const started = Date.now();
  const runId = started.toString(36);
  const phases: Record<string, number> = {};
  let phaseStart = started;
  const phaseDone = (name: string) => {
    phases[name] = Math.round((Date.now() - phaseStart) / 1000);
    phaseStart = Date.now();
  };
  execFileSync('npm', ['run', '--silent', 'build:if-needed'], { cwd: ROOT, stdio: 'inherit' });
  const db = await createConnection({ host: '127.0.0.1', user: 'root' });
  try {
    const seeded = await prepareDatabase(db, BENCH_DATABASE, ENV, SKIP_SEED);
    await clearQueues(ENV.REDIS_URL!);
    const ids = await dataIds(db);
    phaseDone(seeded ? 'build and seed' : 'build');
    const selected = endpoints(ids, ONLY);
    // the MariaDB the API talks to: the process listening on DATABASE_URL's port
    const mariadb = findListeningPid(Number(new URL(ENV.DATABASE_URL!).port || 3306));

    // development mode once: statements per request from X-Query-Count, and the fixtures
    const fixtures = await withServer(DEV, () => developmentPass(DEV.port, selected, ENV.ADMIN_PASSWORD!, SETTINGS.connections, runId));
    phaseDone('development pass');

    // production mode under load
    const rows: Row[] = await withServer(PROD, async (api) => {
      const watched: Watched = { server: api.pid, database: mariadb };
      const apiRows: Row[] = [];
      for (const read of selected.reads) {
        const token = read.as === 'admin' ? fixtures.adminToken : fixtures.memberToken;
        apiRows.push(
          row(
            read.name,
            await warmThenMeasure(PROD.port, SETTINGS, { path: read.path, token }, watched),
            fixtures.statements.get(read.name) ?? null,
          ),
        );
        console.log(`${read.name}: done`);
      }
      if (fixtures.pair) {
        const pass = await warmThenMeasurePair(PROD.port, SETTINGS, fixtures.pair, db, watched);
        apiRows.push({
          ...row(PAIR, pass, null),
          pair: { ...pass.counts, releasedAfterWarmUp: pass.releasedAfterWarmUp, statements: fixtures.pair.statements },
        });
        console.log(`${PAIR}: done`);
      }
      if (fixtures.promotion) {
        const { lanes, statements } = fixtures.promotion;
        const pass = await warmThenMeasurePromotion(PROD.port, SETTINGS, lanes, watched);
        apiRows.push({
          ...row(PROMOTION, pass, null),
          cycle: {
            statements: `${cell(statements.join)} + ${cell(statements.cancel)} + ${cell(statements.read)}`,
            line: `${promotionLine(pass.counts)} (lanes the warm-up left mid-cycle, settled before the pass: ${pass.settledAfterWarmUp})`,
          },
        });
        console.log(`${PROMOTION}: done`);
      }
      if (fixtures.purchase) {
        const { token, body, statements } = fixtures.purchase;
        const target = { path: '/credits', token, method: 'POST' as const, body: JSON.stringify(body) };
        apiRows.push(row(PURCHASE, await warmThenMeasure(PROD.port, SETTINGS, target, watched), statements));
        console.log(`${PURCHASE}: done`);
      }
      if (selected.emails) {
        const target = { path: '/emails', token: fixtures.adminToken, method: 'POST' as const, body: JSON.stringify(EMAIL_BODY) };
        apiRows.push(row(EMAILS, await warmThenMeasure(PROD.port, SETTINGS, target, watched), fixtures.emailStatements));
        console.log(`${EMAILS}: done`);
      }
      await waitForIdle(api.pid); // let the last pass's requests finish before SIGTERM, so the log shows only real errors
      return apiRows;
    });
    await clearQueues(ENV.REDIS_URL!);
    phaseDone('API load');

    const floorRow = await withServer(FLOOR, async (floor) =>
      row(
        'floor: node:http + mysql2, GET /lessons/:id',
        await warmThenMeasure(FLOOR.port, SETTINGS, { path: `/lessons/${ids.busiestLessonId}` }, { server: floor.pid, database: mariadb }),
        2,
      ),
    );
    phaseDone('floor');
    if (COMPARE_URL) {
      const reads = selected.reads.map((read) => ({ ...read, token: read.as === 'admin' ? fixtures.adminToken : fixtures.memberToken }));
      const watched = { server: comparedPid(COMPARE_URL, process.env.BENCH_COMPARE_PID), database: mariadb };
      rows.push(...(await compareReads(COMPARE_URL, reads, SETTINGS, watched)));
      phaseDone('compare');
    }
    for (const result of rows) result.vsFloor = `${Math.round((100 * result.rps) / floorRow.rps)}%`;
    rows.push({ ...floorRow, vsFloor: '100%' });

    const seconds = Math.round((Date.now() - started) / 1000);
    const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
    const heading =
      `Machine: ${machine}. ${SETTINGS.connections} connections, ${SETTINGS.seconds} s per endpoint after a ${SETTINGS.warmUpSeconds} s warm-up; API in production mode, ${PROCESSES} process(es) (BENCH_API_PROCESSES). ` +
      `CPU ms/request: CPU time (user + system) of the server process and its children (the floor server on its row) and of mariadbd during the measured pass, over the requests completed; ` +
      `the booking pair counts a book and a cancel as two requests, its statements are book + cancel.` +
      (COMPARE_URL ? ` Rows named ${COMPARE_URL}: the same reads (paths, token, load) against that server.` : '') +
      (ONLY ? ` Only endpoints matching "${ONLY}".` : '') +
      (seeded ? '' : ` Database reused (BENCH_SKIP_SEED).`);
    const logs = Object.fromEntries(
      Object.entries(LOGS).map(([name, path]) => [name, { path: relative(ROOT, path), ...logSummary(path) }]),
    );
    console.log(
      `\n${markdown(heading, rows)}\n\n${logReport(Object.values(logs))}\n\nTotal ${seconds} s (${Object.entries(phases)
        .map(([name, took]) => `${name} ${took} s`)
        .join(', ')})${seconds > MINUTES_ALLOWED * 60 ? `, over the ${MINUTES_ALLOWED} minutes allowed` : ''}`,
    );
    writeJson(join(RESULTS, 'latest.json'), {
      machine,
      connections: SETTINGS.connections,
      seconds: SETTINGS.seconds,
      warmUpSeconds: SETTINGS.warmUpSeconds,
      only: ONLY ?? null,
      compareUrl: COMPARE_URL ?? null,
      seeded,
      apiProcesses: PROCESSES,
      releaseSheet: ids.releaseSheet,
      totalSeconds: seconds,
      phases,
      rows,
      logs,
    });
  } finally {
    await db.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
