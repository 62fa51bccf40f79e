/**
 * `npm run bench`: seeds a demo data set into its own database, starts the built API (production
 * mode for load, development mode once to read X-Query-Count), drives it with autocannon over
 * loopback, compares with a bare node:http + mysql2 floor, prints a Markdown table and writes JSON.
 * Needs MySQL and Redis up. Options: BENCH_SECONDS (default 8), BENCH_CONNECTIONS (default 32).
 */
import autocannon, { type Request as AutocannonRequest } from 'autocannon';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { createConnection, type RowDataPacket } from 'mysql2/promise';
import { BENCH_DATABASE, benchEnv } from './bench-env';

const ROOT = join(__dirname, '..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const DB = BENCH_DATABASE;
const ENV = benchEnv({ N_PLUS_ONE_MODE: 'warn' });
const ADMIN_PASSWORD = ENV.ADMIN_PASSWORD!;

interface Row {
  endpoint: string;
  rps: number;
  p50: number;
  p99: number;
  statements: number | null;
  non2xx: number;
  vsFloor?: string;
}

const cli = (...args: string[]) => execFileSync(process.execPath, ['dist/apps/cli/apps/cli/src/main.js', ...args], { cwd: ROOT, env: ENV, stdio: ['ignore', 'pipe', 'inherit'] }).toString();

function start(args: string[], port: number, extra: Record<string, string>, ready: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...ENV, PORT: String(port), ...extra }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (!output.includes(ready)) return;
      // from now on only drain the output (request logs), so the bench process does no work for it
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.stdout?.resume();
      child.stderr?.resume();
      resolve(child);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}:\n${output}`)));
  });
}

const stop = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGTERM'))));

async function http<T>(port: number, method: string, path: string, token?: string, body?: unknown): Promise<{ status: number; json: T; statements: number | null }> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const count = res.headers.get('x-query-count');
  return { status: res.status, json: (text ? JSON.parse(text) : null) as T, statements: count === null ? null : Number(count) };
}

const login = async (port: number, username: string, password: string) =>
  (await http<{ accessToken: string }>(port, 'POST', '/auth/login', undefined, { username, password })).json.accessToken;

async function load(url: string, options: { token?: string; tokens?: string[]; requests?: AutocannonRequest[]; method?: 'POST'; body?: string }): Promise<autocannon.Result> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) };
  const tokens = options.tokens;
  let nextClient = 0;
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers,
    ...(options.method ? { method: options.method, body: options.body } : {}),
    ...(options.requests ? { requests: options.requests } : {}),
    // one member per connection, so a connection's book-then-cancel loop never races itself
    ...(tokens ? { setupClient: (client: autocannon.Client) => client.setHeaders({ ...headers, authorization: `Bearer ${tokens[nextClient++ % tokens.length]}` }) } : {}),
  });
}

function row(endpoint: string, result: autocannon.Result, statements: number | null): Row {
  return { endpoint, rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, statements, non2xx: result.non2xx };
}

async function main(): Promise<void> {
  const started = Date.now();
  execFileSync('npm', ['run', '--silent', 'build:if-needed'], { cwd: ROOT, stdio: 'inherit' });
  const admin = await createConnection({ host: '127.0.0.1', user: 'root' });
  await admin.query(`drop database if exists ${DB}`);
  console.log('seeding…');
  cli('migrate');
  cli('create-default-user');
  console.log(cli('seed-demo', '--members', '300', '--feed-items', '12000', '--polls', '200').trim());
  await admin.changeUser({ database: DB });

  // development mode once: statements per request from X-Query-Count
  const devPort = 8101;
  const dev = await start(['dist/apps/api/apps/api/src/main.js'], devPort, { NODE_ENV: 'development' }, 'API listening');
  const adminToken = await login(devPort, 'admin', ADMIN_PASSWORD);
  const memberTokens = await Promise.all(Array.from({ length: CONNECTIONS }, (_, i) => login(devPort, `demo${String(i + 1).padStart(4, '0')}`, 'demo-password')));
  const [[busiest]] = await admin.query<RowDataPacket[]>('select lesson_id as id from reservation group by lesson_id order by count(*) desc limit 1');
  const [[deep]] = await admin.query<RowDataPacket[]>('select id from feed order by id desc limit 1 offset 10000');
  const deepCursor = Buffer.from(JSON.stringify([deep.id])).toString('base64url');
  const policy = (await http<{ id: number }[]>(devPort, 'GET', '/price-policies')).json.at(-1)!;
  const startDate = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
  const benchLesson = (
    await http<{ id: number }>(devPort, 'POST', '/lessons', adminToken, { gym: 'seoul', type: 'yoga', creditCount: 1, maxCapacity: 1000, startDate, startTime: '20:00', endTime: '21:00' })
  ).json;
  const today = new Date().toISOString().slice(0, 10);
  await Promise.all(memberTokens.map((token) => http(devPort, 'POST', '/credits', token, { pricePolicyId: policy.id, startDate: today })));

  const reads: [string, string, string][] = [
    ['GET /lessons/:id', `/lessons/${busiest.id}`, memberTokens[0]],
    ['GET /users/me', '/users/me', memberTokens[0]],
    ['GET /feeds (first page)', '/feeds', memberTokens[0]],
    ['GET /feeds (10,000 deep)', `/feeds?cursor=${deepCursor}`, memberTokens[0]],
    ['GET /polls', '/polls', memberTokens[0]],
  ];
  const statements = new Map<string, number | null>();
  for (const [name, path, token] of reads) statements.set(name, (await http(devPort, 'GET', path, token)).statements);
  const booking = await http<{ id: number }>(devPort, 'POST', `/lessons/${benchLesson.id}/reservations`, memberTokens[0]);
  const cancel = await http(devPort, 'DELETE', `/reservations/${booking.json.id}`, memberTokens[0]);
  const email = await http(devPort, 'POST', '/emails', adminToken, { recipients: ['a@example.com', 'b@example.com'], subject: 'Bench', body: 'Hi' });
  await stop(dev);

  // production mode under load
  const port = 8100;
  const api = await start(['dist/apps/api/apps/api/src/main.js'], port, { NODE_ENV: 'production' }, 'API listening');
  const rows: Row[] = [];
  for (const [name, path, token] of reads) {
    await load(`http://127.0.0.1:${port}${path}`, { token }); // warm-up pass, not reported
    rows.push(row(name, await load(`http://127.0.0.1:${port}${path}`, { token }), statements.get(name) ?? null));
    console.log(`${name}: done`);
  }
  const bookAndCancel = await load(`http://127.0.0.1:${port}`, {
    tokens: memberTokens,
    requests: [
      {
        method: 'POST',
        path: `/lessons/${benchLesson.id}/reservations`,
        onResponse: (status, body, context: { reservationId?: number }) => {
          context.reservationId = status === 201 ? (JSON.parse(body) as { id: number }).id : undefined;
        },
      },
      {
        method: 'DELETE',
        setupRequest: (request, context: { reservationId?: number }) => ({ ...request, path: context.reservationId ? `/reservations/${context.reservationId}` : '/reservations/0' }),
      },
    ],
  });
  rows.push(row('POST /lessons/:id/reservations + DELETE', bookAndCancel, (booking.statements ?? 0) + (cancel.statements ?? 0)));
  const emails = await load(`http://127.0.0.1:${port}/emails`, { token: adminToken, method: 'POST', body: JSON.stringify({ recipients: ['a@example.com', 'b@example.com'], subject: 'Bench', body: 'Hi' }) });
  rows.push(row('POST /emails (enqueue)', emails, email.statements));
  await stop(api);

  const floor = await start(['-r', 'ts-node/register/transpile-only', 'bench/floor-server.ts'], 8102, {}, 'floor ready');
  await load(`http://127.0.0.1:8102/lessons/${busiest.id}`, {});
  const floorRow = row('floor: node:http + mysql2, GET /lessons/:id', await load(`http://127.0.0.1:8102/lessons/${busiest.id}`, {}), 2);
  await stop(floor);
  for (const result of rows) result.vsFloor = `${Math.round((100 * result.rps) / floorRow.rps)}%`;
  rows.push({ ...floorRow, vsFloor: '100%' });
  await admin.end();

  const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const table = [
    `Machine: ${machine}. ${CONNECTIONS} connections, ${SECONDS} s per endpoint, after a ${SECONDS} s warm-up; API in production mode.`,
    '',
    '| endpoint | req/s | p50 ms | p99 ms | statements/request | vs floor | non-2xx |',
    '|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.endpoint} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.statements ?? '–'} | ${r.vsFloor} | ${r.non2xx} |`),
  ].join('\n');
  console.log(`\n${table}\n\nTotal ${Math.round((Date.now() - started) / 1000)} s`);
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench/results/latest.json'), JSON.stringify({ machine, connections: CONNECTIONS, seconds: SECONDS, rows }, null, 2));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
