import { type ChildProcess, spawn } from 'node:child_process';

export interface WorkerChild {
  child: ChildProcess;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** Everything the worker wrote so far, stdout and stderr. */
  output(): string;
  /** Resolves when the output contains `text` (counting from `after` characters in). */
  waitFor(text: string | RegExp, timeoutMs?: number, after?: number): Promise<void>;
}

/**
 * The worker as a separate process, as it runs in production, started from source. Resolves once
 * it consumes; rejects with its output if it exits or does not start within a minute.
 */
export async function startWorker(env: Record<string, string>): Promise<WorkerChild> {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/worker/src/main.ts'],
    // the child inherits this Jest worker's settings (its database, its Redis db), then the test's

    { env: { ...process.env, LOG_LEVEL: 'info', ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const listeners = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waitFor = (text: string | RegExp, timeoutMs = 60_000, after = 0) =>
    new Promise<void>((resolve, reject) => {
      const seen = () => (typeof text === 'string' ? output.includes(text, after) : text.test(output.slice(after)));
      const done = (error?: Error) => {
        listeners.delete(check);
        clearTimeout(timer);
        if (error) reject(error);
        else resolve();
      };
      const check = () => seen() && done();
      const timer = setTimeout(() => done(new Error(`worker did not log ${String(text)} in ${timeoutMs} ms:\n${output}`)), timeoutMs);
      listeners.add(check);
      void exited.then((code) => done(new Error(`worker exited with ${code} before logging ${String(text)}:\n${output}`)));
      check();
    });
  const worker: WorkerChild = { child, exited, output: () => output, waitFor };
  await waitFor('Consuming email');
  return worker;
}
