/**
 * CPU time of a process (user + system, all its threads) from `/proc/<pid>/stat`, for the bench's
 * CPU-per-request columns: on a shared machine the CPU a request costs is much steadier than
 * requests per second. Linux only; anywhere else every reading is null.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

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

/** CPU milliseconds the process has used so far, or null when it cannot be read. */
export function cpuMs(pid: number | undefined): number | null {
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

/** The id of the first process whose command name is one of `names` (e.g. `mariadbd`). */
export function findPid(...names: string[]): number | undefined {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return undefined;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (names.includes(readFileSync(`/proc/${entry}/comm`, 'utf8').trim())) return Number(entry);
    } catch {
      // the process ended meanwhile, or is not ours to read
    }
  }
  return undefined;
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
