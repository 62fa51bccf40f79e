/**
 * The load driver: autocannon over loopback against one endpoint, a warm-up pass, then a measured
 * pass during which the CPU time of the server and of MariaDB is read from /proc.
 */
import autocannon from 'autocannon';
import { waitForIdle, withCpu } from './proc-cpu';

export interface LoadSettings {
  connections: number;
  /** Length of a measured pass. */
  seconds: number;
  /** Length of the warm-up pass before it. */
  warmUpSeconds: number;
}

/** The same settings for the warm-up pass. */
export const warmUp = (settings: LoadSettings): LoadSettings => ({ ...settings, seconds: settings.warmUpSeconds });

/** One measured pass: autocannon's result and the CPU milliseconds of each watched process. */
export interface Measurement {
  result: autocannon.Result;
  /** CPU ms spent meanwhile by the server under test, then by MariaDB; null where unreadable. */
  serverCpuMs: number | null;
  databaseCpuMs: number | null;
}

/** The processes whose CPU a measured pass reads. */
export interface Watched {
  server: number | undefined;
  database: number | undefined;
}

export interface Target {
  path: string;
  token?: string;
  method?: 'GET' | 'POST';
  body?: string;
}

/** A server to load: a local port, or the base URL of any server (e.g. `BENCH_COMPARE_URL`). */
export type Server = number | string;

const baseUrl = (server: Server) => (typeof server === 'number' ? `http://127.0.0.1:${server}` : server.replace(/\/+$/, ''));

/** One autocannon run of `target` with the settings' connections and duration. */
export function drive(server: Server, settings: LoadSettings, target: Target): Promise<autocannon.Result> {
  return autocannon({
    url: `${baseUrl(server)}${target.path}`,
    connections: settings.connections,
    duration: settings.seconds,
    method: target.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...(target.token ? { authorization: `Bearer ${target.token}` } : {}) },
    ...(target.body === undefined ? {} : { body: target.body }),
  });
}

/** Runs `pass` with the CPU of the watched processes read before and after. */
export async function measured<T extends { result: autocannon.Result }>(
  watched: Watched,
  pass: () => Promise<T>,
): Promise<T & Measurement> {
  const { result: outcome, cpuMs } = await withCpu([watched.server, watched.database], pass);
  return { ...outcome, serverCpuMs: cpuMs[0], databaseCpuMs: cpuMs[1] };
}

/** A warm-up pass (not reported), then, once the server is idle again, a measured one. */
export async function warmThenMeasure(server: Server, settings: LoadSettings, target: Target, watched: Watched): Promise<Measurement> {
  await drive(server, warmUp(settings), target);
  await waitForIdle(watched.server);
  return measured(watched, async () => ({ result: await drive(server, settings, target) }));
}
