/**
 * `npm run soak:crash`: the invariant soak with crashes (a script, not a test). The built API and
 * the built worker run as child processes in production mode on the bench database (seeded on
 * first use, as `npm run bench` does), the worker sending to an SMTP sink in this process. For
 * SOAK_SECONDS (default 120), 40 demo members (picked at random) book, cancel and buy (a tenth of
 * the requests with an Idempotency-Key, repeated with it after a connection error) and staff send
 * SOAK_MAILINGS (default 8) mailings of 50 recipients. Meanwhile the API is SIGKILLed SOAK_KILLS
 * times (default 5) and the worker SOAK_WORKER_KILLS times (default 3, each while a mailing is
 * being sent), each restarted at once. Afterwards it waits for the mailings and checks: the ledger
 * invariants (bench/soak-invariants.ts), no 5xx, every mailing completed, no recipient of a
 * mailing received two messages or (once completed) none, and no idempotency key stuck
 * "in progress". Prints the figures; exits 1 on a violation.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { createConnection, type RowDataPacket } from 'mysql2/promise';
import { startSmtpSink } from '../libs/testing/src/smtp-sink';
import { BENCH_DATABASE, benchEnv } from './bench-env';
import { CrashClient } from './crash-client';
import { followMailings, type Mailing, mailingFigures, sendMailing } from './crash-mailings';
import { clearQueues, prepareDatabase } from './dataset';
import { gymDay, gymTimeZone } from './gym-day';
import { Restartable } from './restartable';
import { broken, duplicateDeliveryRows, ledgerInvariants, stuckIdempotencyKeys } from './soak-invariants';

const ROOT = join(__dirname, '..');
const SECONDS = Number(process.env.SOAK_SECONDS ?? 120);
const API_KILLS = Number(process.env.SOAK_KILLS ?? 5);
const WORKER_KILLS = Number(process.env.SOAK_WORKER_KILLS ?? 3);
const MAILINGS = Number(process.env.SOAK_MAILINGS ?? 8);
const MEMBERS = 40;
const MAILING_SIZE = 50;
const KEYED = 0.1; // a member may create 200 keys an hour: repeated runs stay under it
const STUCK_AFTER_SECONDS = 30;
const PORT = 8105;
const BASE = `http://127.0.0.1:${PORT}`;
const LOGS = join(ROOT, 'bench/results/crash-soak');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pick = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)];
/** `count` random instants between 10 % and 90 % of the run, in order. */
const moments = (start: number, count: number) =>
  Array.from({ length: count }, () => start + (0.1 + 0.8 * Math.random()) * SECONDS * 1000).sort((a, b) => a - b);

async function main(): Promise<void> {
  execFileSync('npm', ['run', '--silent', 'build:if-needed'], { cwd: ROOT, stdio: 'inherit' });
  const db = await createConnection({ host: '127.0.0.1', user: 'root' });
  const sink = await startSmtpSink();
  sink.delayMs = 40; // a 50-recipient mailing takes a few seconds, so a worker kill lands inside one
  let lastMessageAt = 0;
  sink.onMessage = () => void (lastMessageAt = Date.now());
  const env = benchEnv({ NODE_ENV: 'production', PORT: String(PORT), LOGIN_RATE_LIMIT: '1000', SMTP_URL: sink.url });
  const api = new Restartable({
    name: 'api',
    args: ['dist/apps/api/apps/api/src/main.js'],
    env: { ...env, LOG_LEVEL: 'error' },
    logDir: LOGS,
    ready: () =>
      fetch(`${BASE}/health`).then(
        (res) => res.ok,
        () => false,
      ),
  });
  const worker = new Restartable({
    name: 'worker',
    args: ['dist/apps/worker/apps/worker/src/main.js'],
    env: { ...env, LOG_LEVEL: 'info' },
    logDir: LOGS,
    ready: async (log) => log().includes('Consuming'),
  });
  const run = Date.now().toString(36);
  try {
    await prepareDatabase(db, BENCH_DATABASE, env, true); // seeds gym_bench unless it holds the demo data; migrates
    const [[clock]] = await db.query<RowDataPacket[]>(`select date_format(utc_timestamp(), '%Y-%m-%d %H:%i:%s') as now`);
    await clearQueues(env.REDIS_URL!); // jobs left by `npm run bench` would keep the worker busy
    await Promise.all([api.start(), worker.start()]);
    const login = async (username: string, password: string) => {
      const res = await fetch(`${BASE}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      });
      if (!res.ok) throw new Error(`login as ${username}: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { accessToken: string }).accessToken;
    };
    // 40 of the demo members at random, so that runs in one hour share out the per-member key allowance
    const [demo] = await db.query<RowDataPacket[]>(`select username from user where username like 'demo%' order by rand() limit ?`, [
      MEMBERS,
    ]);
    const tokens = await Promise.all(demo.map((row) => login(row.username as string, 'demo-password')));
    const staff = await login('admin', env.ADMIN_PASSWORD!);
    const timeZone = await gymTimeZone(BASE);
    const today = gymDay(new Date(), timeZone);
    const tomorrow = gymDay(new Date(), timeZone, 1);
    const setup = new CrashClient(BASE, () => 0);
    // lessons with seats left (earlier runs fill the first days)
    const [open] = await db.query<RowDataPacket[]>(
      'select id from lesson where start_date >= ? and reserved_count < max_capacity order by start_date, start_time limit 60',
      [tomorrow],
    );
    const lessons = open.map((row) => Number(row.id));
    if (!lessons.length) throw new Error(`no lesson from ${tomorrow} has a seat left in ${BENCH_DATABASE}`);
    const policies = ((await setup.send('GET', '/price-policies', tokens[0]))!.json as { id: number }[]).map((policy) => policy.id);

    const start = Date.now();
    const deadline = start + SECONDS * 1000;
    const client = new CrashClient(BASE, () => deadline + 60_000);
    let workerKillsMidMailing = 0;
    const killApi = async () => {
      for (const at of moments(start, API_KILLS)) {
        await sleep(at - Date.now());
        await api.crash();
      }
    };
    const killWorker = async () => {
      for (const at of moments(start, WORKER_KILLS)) {
        await sleep(at - Date.now());
        // wait (up to 10 s) for a message in flight, so the kill lands inside a mailing
        for (let i = 0; i < 100 && Date.now() - lastMessageAt > 200; i++) await sleep(100);
        if (Date.now() - lastMessageAt <= 200) workerKillsMidMailing++;
        await worker.crash();
      }
    };
    const members = tokens.map(async (token, member) => {
      const held: number[] = [];
      for (let n = 0; Date.now() < deadline; n++) {
        const key = Math.random() < KEYED ? `soak-${run}-${member}-${n}` : undefined;
        const send = (method: string, path: string, body?: unknown) =>
          key ? client.sendKeyed(method, path, token, key, body) : client.send(method, path, token, body);
        const roll = Math.random();
        if (roll < 0.5) {
          const answer = await send('POST', `/lessons/${pick(lessons)}/reservations`);
          if (answer?.status === 201) held.push((answer.json as { id: number }).id);
        } else if (roll < 0.8 && held.length > 0) {
          await send('DELETE', `/reservations/${held.splice(Math.floor(Math.random() * held.length), 1)[0]}`);
        } else {
          await send('POST', '/credits', { pricePolicyId: pick(policies), startDate: today });
        }
      }
      for (const id of held) await setup.send('DELETE', `/reservations/${id}`, token); // seats for the next run, not counted
    });
    const mailings: Mailing[] = [];
    const mailer = async () => {
      for (let index = 0; index < MAILINGS; index++) {
        await sleep(start + (index * SECONDS * 1000) / MAILINGS - Date.now());
        mailings.push(await sendMailing(client, staff, run, index, MAILING_SIZE));
      }
    };
    await Promise.all([...members, mailer(), killApi(), killWorker()]);
    await followMailings(client, staff, mailings, Date.now() + 120_000);
    await sleep(500); // the sink records a message after its delay

    const invariants = await ledgerInvariants(db, today);
    const mail = { ...mailingFigures(mailings, sink.received), duplicateDeliveryRows: await duplicateDeliveryRows(db) };
    // a key the last kill stranded counts once it is as old as a stuck one
    await sleep(api.lastKillAt + (STUCK_AFTER_SECONDS + 1) * 1000 - Date.now());
    const stuckKeys = await stuckIdempotencyKeys(db, clock.now as string, STUCK_AFTER_SECONDS);
    const apiErrorLogLines = Array.from({ length: api.kills + 1 }, (_, i) => readFileSync(join(LOGS, `api-${i + 1}.log`), 'utf8'))
      .join('\n')
      .split('\n')
      .filter((line) => line.trim()).length;
    const figures = {
      date: new Date().toISOString(),
      machine: `${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}`,
      seconds: SECONDS,
      members: MEMBERS,
      apiKills: api.kills,
      apiDownSeconds: Math.round(api.downMs / 100) / 10,
      workerKills: worker.kills,
      workerDownSeconds: Math.round(worker.downMs / 100) / 10,
      workerKillsMidMailing,
      requests: client.requests,
      perSecond: Math.round(client.requests / SECONDS),
      byStatus: Object.fromEntries([...client.statuses].sort(([a], [b]) => a - b)),
      errorCodes: Object.fromEntries([...client.codes].sort(([, a], [, b]) => b - a)),
      connectionErrors: client.connectionErrors,
      keyedRequests: client.keyedRequests,
      keyRetries: client.keyRetries,
      replayedAnswers: client.replayed,
      keysGivenUpInProgress: client.keysGivenUp,
      apiErrorLogLines,
      serverErrors: client.serverErrors,
      ...invariants,
      mail,
      stuckIdempotencyKeys: stuckKeys,
    };
    console.log(JSON.stringify(figures, null, 2));
    const violations = [
      ...broken({ serverErrors: client.serverErrors, ...invariants }),
      ...broken({ failed: mail.failed, unfinished: mail.unfinished, duplicateMessages: mail.duplicateMessages }),
      ...broken({ lostRecipients: mail.lostRecipients, duplicateDeliveryRows: mail.duplicateDeliveryRows }),
      ...broken({ stuckIdempotencyKeys: stuckKeys }),
    ];
    if (violations.length) {
      console.error(`violated: ${violations.join(', ')}`);
      process.exitCode = 1;
    }
  } finally {
    await Promise.all([api.stop(), worker.stop()]);
    await db.end();
    await sink.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
