/** The bench's figures: one row per endpoint, printed as a Markdown table and written as JSON. */
import type autocannon from 'autocannon';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { BookAndCancelCounts } from './book-cancel';
import type { PromotionCounts } from './waitlist-promotion';
import type { Measurement } from './load';

export interface Row {
  endpoint: string;
  rps: number;
  p50: number;
  p99: number;
  /** Requests completed in the measured pass. */
  requests: number;
  /** Statements per request (X-Query-Count); for the booking pair see `pair`. */
  statements: number | null;
  /** CPU ms per request of the server under test (the API, or the floor server on its row). */
  apiCpuMsPerRequest: number | null;
  /** CPU ms per request of MariaDB (`mariadbd`); null when its /proc entry is not readable. */
  dbCpuMsPerRequest: number | null;
  non2xx: number;
  /** Connection errors and timeouts. */
  errors: number;
  vsFloor?: string;
  /** The booking pair only: statements and status codes per request kind. */
  pair?: BookAndCancelCounts & { releasedAfterWarmUp: number; statements: { book: number | null; cancel: number | null } };
  /** A row that measures a sequence of requests (the waitlist cycle): its statements per step and its status codes. */
  cycle?: { statements: string; line: string };
}

const perRequest = (cpuMs: number | null, requests: number) =>
  cpuMs === null || requests === 0 ? null : Math.round((100 * cpuMs) / requests) / 100;

export function row(endpoint: string, measurement: Measurement, statements: number | null): Row {
  const result: autocannon.Result = measurement.result;
  const requests = result.requests.total;
  return {
    endpoint,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests,
    statements,
    apiCpuMsPerRequest: perRequest(measurement.serverCpuMs, requests),
    dbCpuMsPerRequest: perRequest(measurement.databaseCpuMs, requests),
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

export const cell = (value: number | string | null | undefined) => (value === null || value === undefined ? '–' : String(value));
const codes = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([status, n]) => `${status}×${n}`)
    .join(', ') || 'none';

/** `book: 201×N; cancel: 200×M` (and whatever else answered) for the booking pair. */
export function pairLine(pair: NonNullable<Row['pair']>): string {
  const skipped = pair.cancelsSkipped ? `; cancels skipped after a failed booking: ${pair.cancelsSkipped}` : '';
  return `book: ${codes(pair.book)}; cancel: ${codes(pair.cancel)}${skipped} (bookings the warm-up left, cancelled before the pass: ${pair.releasedAfterWarmUp})`;
}

/** `join: 201×N; cancel: 200×N; read: 200×N` for the waitlist cycle. */
export function promotionLine(counts: PromotionCounts): string {
  const stalled = counts.stalled ? `; cycles without a promotion: ${counts.stalled}` : '';
  return `join: ${codes(counts.join)}; cancel: ${codes(counts.cancel)}; read: ${codes(counts.read)}${stalled}`;
}

export function markdown(heading: string, rows: Row[]): string {
  const lines = [
    heading,
    '',
    '| endpoint | req/s | p50 ms | p99 ms | statements/request | API CPU ms/request | MariaDB CPU ms/request | vs floor | non-2xx |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows.map((r) => {
      const statements = r.pair
        ? `${cell(r.pair.statements.book)} + ${cell(r.pair.statements.cancel)}`
        : (r.cycle?.statements ?? cell(r.statements));
      const non2xx = r.errors ? `${r.non2xx} (+${r.errors} errors)` : String(r.non2xx);
      return `| ${r.endpoint} | ${r.rps} | ${r.p50} | ${r.p99} | ${statements} | ${cell(r.apiCpuMsPerRequest)} | ${cell(r.dbCpuMsPerRequest)} | ${cell(r.vsFloor)} | ${non2xx} |`;
    }),
  ];
  const pairs = rows.filter((r) => r.pair);
  if (pairs.length) lines.push('', ...pairs.map((r) => `${r.endpoint}: ${pairLine(r.pair!)}`));
  const cycles = rows.filter((r) => r.cycle);
  if (cycles.length) lines.push('', ...cycles.map((r) => `${r.endpoint}: ${r.cycle!.line}`));
  return lines.join('\n');
}

/** One line per server log: its warnings and errors, and the commonest messages. */
export function logReport(logs: { path: string; warnings: number; errors: number; messages: Record<string, number> }[]): string {
  return logs
    .map(({ path, warnings, errors, messages }) => {
      const top = Object.entries(messages)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 5);
      return `${path}: ${warnings} warnings, ${errors} errors${top.map(([message, n]) => `\n  ${n} × ${message}`).join('')}`;
    })
    .join('\n');
}

export function writeJson(path: string, report: object): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
}
