/**
 * A built server (the API, the worker) as a child process the crash soak can SIGKILL and start
 * again. Each run logs to its own file (`<logDir>/<name>-<run>.log`), so a crash's last words stay.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface RestartableOptions {
  name: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  logDir: string;
  /** Resolves true once the run is ready; polled every 100 ms for up to a minute. */
  ready: (log: () => string) => Promise<boolean>;
}

export class Restartable {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  private runs = 0;
  kills = 0;
  /** Milliseconds from each kill to the next run being ready, added up. */
  downMs = 0;
  /** When the last kill happened (0: never). */
  lastKillAt = 0;

  constructor(private readonly options: RestartableOptions) {}

  /** Starts a new run and resolves once it is ready; throws with its log if it exits or stalls. */
  async start(): Promise<void> {
    const { name, args, env, logDir, ready } = this.options;
    mkdirSync(logDir, { recursive: true });
    const logPath = join(logDir, `${name}-${++this.runs}.log`);
    const log = openSync(logPath, 'w');
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', log, log] });
    closeSync(log);
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    const output = () => readFileSync(logPath, 'utf8');
    for (let waited = 0; waited < 60_000; waited += 100) {
      if (child.exitCode !== null || child.signalCode !== null) break;
      if (await ready(output)) return;
      await sleep(100);
    }
    child.kill('SIGKILL');
    throw new Error(`${name} run ${this.runs} did not get ready:\n${output().split('\n').slice(-30).join('\n')}`);
  }

  /** SIGKILL, then a new run at once; resolves when that run is ready. */
  async crash(): Promise<void> {
    this.lastKillAt = Date.now();
    this.child?.kill('SIGKILL');
    await this.exited;
    this.kills++;
    await this.start();
    this.downMs += Date.now() - this.lastKillAt;
  }

  /** SIGTERM (SIGKILL after `graceMs`); resolves when the run has exited. */
  async stop(graceMs = 40_000): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}
