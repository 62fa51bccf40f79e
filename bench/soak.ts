/**
 * `npm run soak`: an invariant soak (a script, not a test). For SOAK_SECONDS (default 120), 40
 * demo members book, cancel and buy concurrently against the built API in production mode on the
 * bench database (run `npm run bench` once first, which seeds it). Afterwards it checks in SQL that
 * every member's balance equals the sum of their ledger, every purchase's remaining credit is
 * between 0 and its count, every lesson's active reservations are within its capacity and equal its
 * seat count, every booking has its charge and every charge and refund its booking
 * (bench/soak-invariants.ts), and that no request failed with a 5xx. Prints the figures; exits 1 on a violation.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { BENCH_DATABASE, benchEnv } from './bench-env';
import { gymDay, gymTimeZone } from './gym-day';
import { broken, ledgerInvariants } from './soak-invariants';

const ROOT = join(__dirname, '..');
const SECONDS = Number(process.env.SOAK_SECONDS ?? 120);
const MEMBERS = 40;
const PORT = 8104;
const BASE = `http://127.0.0.1:${PORT}`;

async function call(method: string, path: string, token: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${BASE}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as unknown) : null };
}

async function main(): Promise<void> {
  execFileSync('npm', ['run', '--silent', 'build:if-needed'], { cwd: ROOT, stdio: 'inherit' });
  const env = benchEnv({ NODE_ENV: 'production', PORT: String(PORT), LOG_LEVEL: 'warn', LOGIN_RATE_LIMIT: '1000' });
  execFileSync(process.execPath, ['dist/apps/cli/apps/cli/src/main.js', 'migrate'], { cwd: ROOT, env, stdio: 'ignore' });
  const api: ChildProcess = spawn(process.execPath, ['dist/apps/api/apps/api/src/main.js'], { cwd: ROOT, env, stdio: 'ignore' });
  const db = await createConnection({ host: '127.0.0.1', user: 'root', database: BENCH_DATABASE });
  try {
    for (
      let i = 0;
      i < 300 &&
      !(await fetch(`${BASE}/health`).then(
        (res) => res.ok,
        () => false,
      ));
      i++
    )
      await new Promise((resolve) => setTimeout(resolve, 100));
    const tokens = await Promise.all(
      Array.from({ length: MEMBERS }, async (_, i) => {
        const res = await fetch(`${BASE}/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: `demo${String(i + 1).padStart(4, '0')}`, password: 'demo-password' }),
        });
        return ((await res.json()) as { accessToken: string }).accessToken;
      }),
    );
    const timeZone = await gymTimeZone(BASE);
    const today = gymDay(new Date(), timeZone);
    const tomorrow = gymDay(new Date(), timeZone, 1);
    const lessons = ((await call('GET', `/lessons?from=${tomorrow}&limit=30`, tokens[0])).json as { items: { id: number }[] }).items.map(
      (lesson) => lesson.id,
    );
    const policies = ((await call('GET', '/price-policies', tokens[0])).json as { id: number }[]).map((policy) => policy.id);
    const statuses = new Map<number, number>();
    const deadline = Date.now() + SECONDS * 1000;
    const pick = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)];

    await Promise.all(
      tokens.map(async (token) => {
        const held: number[] = [];
        while (Date.now() < deadline) {
          const roll = Math.random();
          let result: { status: number; json: unknown };
          if (roll < 0.5) {
            result = await call('POST', `/lessons/${pick(lessons)}/reservations`, token);
            if (result.status === 201) held.push((result.json as { id: number }).id);
          } else if (roll < 0.8 && held.length > 0) {
            result = await call('DELETE', `/reservations/${held.splice(Math.floor(Math.random() * held.length), 1)[0]}`, token);
          } else {
            result = await call('POST', '/credits', token, { pricePolicyId: pick(policies), startDate: today });
          }
          statuses.set(result.status, (statuses.get(result.status) ?? 0) + 1);
        }
      }),
    );

    const invariants = await ledgerInvariants(db, today);
    const total = [...statuses.values()].reduce((sum, count) => sum + count, 0);
    const serverErrors = [...statuses].filter(([status]) => status >= 500).reduce((sum, [, count]) => sum + count, 0);
    const figures = {
      seconds: SECONDS,
      members: MEMBERS,
      requests: total,
      perSecond: Math.round(total / SECONDS),
      byStatus: Object.fromEntries([...statuses].sort(([a], [b]) => a - b)),
      serverErrors,
      ...invariants,
    };
    console.log(JSON.stringify(figures, null, 2));
    if (broken(figures).some((name) => name === 'serverErrors' || name in invariants)) process.exitCode = 1;
  } finally {
    await db.end();
    api.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
