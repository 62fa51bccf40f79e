/**
 * Starting and stopping the servers under test (the built API, the floor) as child processes.
 * Their output goes straight to a log file (no work for the bench process, which is also the load
 * generator); `logSummary` reads the warnings and errors from it afterwards.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const ROOT = join(__dirname, '..');

const tail = (path: string) => readFileSync(path, 'utf8').split('\n').slice(-30).join('\n');

/** Starts `node <args>` with `env` plus PORT, logging to `logPath`; resolves once the log contains `ready`. */
export function start(args: string[], port: number, env: NodeJS.ProcessEnv, ready: string, logPath: string): Promise<ChildProcess> {
  mkdirSync(dirname(logPath), { recursive: true });
  const log = openSync(logPath, 'w');
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...env, PORT: String(port) }, stdio: ['ignore', log, log] });
  closeSync(log);
  return new Promise((resolve, reject) => {
    const poll = setInterval(() => {
      if (!readFileSync(logPath, 'utf8').includes(ready)) return;
      clearInterval(poll);
      child.off('exit', onExit);
      resolve(child);
    }, 100);
    const onExit = (code: number | null) => {
      clearInterval(poll);
      reject(new Error(`${args.join(' ')} exited with ${code}:\n${tail(logPath)}`));
    };
    child.once('exit', onExit);
  });
}

/** SIGTERM, then resolves when the process has exited. */
export const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGTERM')),
  );

/** Starts a server, runs `work` against it and stops it, even when `work` throws. */
export async function withServer<T>(
  server: { args: string[]; port: number; env: NodeJS.ProcessEnv; ready: string; log: string },
  work: (child: ChildProcess) => Promise<T>,
): Promise<T> {
  const child = await start(server.args, server.port, server.env, server.ready, server.log);
  try {
    return await work(child);
  } finally {
    await stop(child);
  }
}

/** Log lines at warn (pino level 40) or above, counted by level name and message. */
export function logSummary(logPath: string): { warnings: number; errors: number; messages: Record<string, number> } {
  const summary = { warnings: 0, errors: 0, messages: {} as Record<string, number> };
  for (const line of readFileSync(logPath, 'utf8').split('\n')) {
    let entry: { level?: number; msg?: string; err?: { message?: string } };
    if (line.startsWith('{')) {
      if (!/"level":(4|5|6)0\b/.test(line)) continue;
      try {
        entry = JSON.parse(line) as typeof entry;
      } catch {
        continue;
      }
    } else if (/error/i.test(line)) {
      entry = { level: 50, msg: line.trim() }; // plain text: a crash or a warning from Node itself
    } else {
      continue;
    }
    const level = entry.level ?? 0;
    if (level >= 50) summary.errors++;
    else summary.warnings++;
    const key = `${level >= 50 ? 'error' : 'warn'}: ${(entry.err?.message ?? entry.msg ?? '').slice(0, 160)}`;
    summary.messages[key] = (summary.messages[key] ?? 0) + 1;
  }
  return summary;
}
