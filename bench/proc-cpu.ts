/**
 * CPU time of a process (user + system, all its threads) from `/proc/<pid>/stat`, for the bench's
 * CPU-per-request columns: on a shared machine the CPU a request costs is much steadier than
 * requests per second. Linux only; anywhere else every reading is null.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

function clockTicksPerSecond(): number {
  try {
    const ticks = Number(
      execFileSync('getconf', ['CLK_TCK'], { stdio: ['ignore', 'pipe', 'ignore'] })
        .toString()
        .trim(),
    );
    return ticks > 0 ? ticks : 100;
  } catch {
    return 100;
  }
}

const TICKS_PER_SECOND = clockTicksPerSecond();

/** The ids of the running processes whose parent is `pid`, from /proc/<id>/stat. */
function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) children.push(Number(name));
    } catch {
      // gone meanwhile
    }
  }
  return children;
}

/**
 * CPU milliseconds the process and its running children have used so far (an API with
 * `API_PROCESSES` > 1 is a primary and its workers), or null when the process cannot be read.
 */
export function cpuMs(pid: number | undefined): number | null {
  const own = processCpuMs(pid);
  if (own === null || pid === undefined) return own;
  return childrenOf(pid).reduce((sum, child) => sum + (processCpuMs(child) ?? 0), own);
}

function processCpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name (field 2) may hold spaces and parentheses; field 3 starts after the last ')'
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[14 - 3]) + Number(fields[15 - 3]); // utime, stime
    return Number.isFinite(ticks) ? (ticks * 1000) / TICKS_PER_SECOND : null;
  } catch {
    return null;
  }
}

/** Inodes of the TCP sockets listening on `port` (IPv4 and IPv6), from /proc/net/tcp{,6}. */
function listeningInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let lines: string[];
    try {
      lines = readFileSync(table, 'utf8').split('\n').slice(1);
    } catch {
      continue;
    }
    for (const line of lines) {
      // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
      const fields = line.trim().split(/\s+/);
      if (fields.length > 9 && fields[1]?.endsWith(`:${hexPort}`) && fields[3] === '0A') inodes.add(fields[9]!);
    }
  }
  return inodes;
}

/**
 * The id of the process listening on TCP `port` (e.g. MariaDB on the configured 3306), found
 * through the socket's inode among the processes' open files: with a second MariaDB on the
 * machine, the first `mariadbd` by name may not be the one the API talks to.
 */
export function findListeningPid(port: number): number | undefined {
  const inodes = listeningInodes(port);
  if (inodes.size === 0) return undefined;
  for (const entry of readdirSafe('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    for (const fd of readdirSafe(`/proc/${entry}/fd`)) {
      try {
        const target = readlinkSync(`/proc/${entry}/fd/${fd}`);
        if (target.startsWith('socket:[') && inodes.has(target.slice(8, -1))) return Number(entry);
      } catch {
        // closed meanwhile, or not ours to read
      }
    }
  }
  return undefined;
}

function readdirSafe(path: string): string[] {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}

/** Runs `work` and returns what it returned with the CPU milliseconds each of `pids` spent meanwhile. */
export async function withCpu<T>(pids: (number | undefined)[], work: () => Promise<T>): Promise<{ result: T; cpuMs: (number | null)[] }> {
  const before = pids.map(cpuMs);
  const result = await work();
  const after = pids.map(cpuMs);
  return {
    result,
    cpuMs: before.map((start, i) => {
      const end = after[i];
      return start === null || end === null ? null : end - start;
    }),
  };
}

/**
 * Waits until the process has been (nearly) idle for `quietMs`, or `maxMs` have passed: requests a
 * finished autocannon pass left in flight (the server keeps working on them, or waiting on locks
 * they hold) must not run into the next pass. Returns the milliseconds waited.
 */
export async function waitForIdle(pid: number | undefined, quietMs = 600, maxMs = 15_000): Promise<number> {
  const started = Date.now();
  const step = 200;
  let quietSince = Date.now();
  let last = cpuMs(pid);
  if (last === null) return 0;
  while (Date.now() - started < maxMs) {
    await new Promise((resolve) => setTimeout(resolve, step));
    const now = cpuMs(pid);
    if (now === null) return Date.now() - started;
    if (now - last > step * 0.05) quietSince = Date.now(); // busier than 5 % of a core
    last = now;
    if (Date.now() - quietSince >= quietMs) break;
  }
  return Date.now() - started;
}
