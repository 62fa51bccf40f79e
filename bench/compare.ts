/**
 * `BENCH_COMPARE_URL=<base URL>`: the same reads, with the same paths, token and load, against
 * another implementation of these routes (the Django original, a rewrite), in the same run, so its
 * rows sit next to ours in one table. Its CPU column is filled when it listens on this machine
 * (found by its port, like MariaDB) or when `BENCH_COMPARE_PID` names its process.
 */
import type { Read } from './endpoints';
import { type LoadSettings, warmThenMeasure } from './load';
import { findListeningPid } from './proc-cpu';
import { type Row, row } from './report';

/** The process serving `url`, when it is on this machine. */
export function comparedPid(url: string, pid: string | undefined): number | undefined {
  if (pid) return Number(pid);
  const { hostname, port, protocol } = new URL(url);
  const local = ['127.0.0.1', 'localhost', '[::1]', '0.0.0.0'].includes(hostname);
  return local ? findListeningPid(Number(port || (protocol === 'https:' ? 443 : 80))) : undefined;
}

/** One row per read, named `<url>: <read>`, measured like ours (warm-up, then the measured pass). */
export async function compareReads(
  url: string,
  reads: (Read & { token?: string })[],
  settings: LoadSettings,
  watched: { server: number | undefined; database: number | undefined },
): Promise<Row[]> {
  const rows: Row[] = [];
  for (const read of reads) {
    const measurement = await warmThenMeasure(url, settings, { path: read.path, token: read.token }, watched);
    rows.push(row(`${url}: ${read.name}`, measurement, null));
  }
  return rows;
}
