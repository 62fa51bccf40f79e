import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

export interface ApiChild {
  child: ChildProcess;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** Everything the API wrote so far, stdout and stderr. */
  output(): string;
}

/** The API's main.ts run from source. */
const API_ARGS = ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/api/src/main.ts'];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The API as a process of its own, started from source on this Jest worker's database and Redis.
 * Resolves once `/health` answers 200; rejects with the API's output if it exits first or is not up
 * within `timeoutMs` (compiling the app from source takes seconds, more on a loaded CI machine).
 * `env` is added to this process's environment.
 */
export async function startApiProcess(port: number, timeoutMs = 120_000, env: Record<string, string> = {}): Promise<ApiChild> {
  const child = spawn(process.execPath, API_ARGS, {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => (output += chunk.toString());
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      exitCode = code;
      resolve(code);
    }),
  );
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`the API exited with ${exitCode} before answering /health:\n${output}`);
    const up = await fetch(`http://127.0.0.1:${port}/health`).then(
      (res) => res.ok,
      () => false,
    );
    if (up) return { child, exited, output: () => output };
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error(`the API did not answer /health within ${timeoutMs} ms:\n${output}`);
}

/**
 * Starts the API (with `env`) on a port another socket of this process holds, and waits for it to
 * give up: its exit code, what it wrote on stderr and the port.
 */
export async function runApiOnHeldPort(env: Record<string, string> = {}): Promise<{ code: number | null; stderr: string; port: number }> {
  const holder = createServer();
  await new Promise<void>((resolve) => holder.listen(0, resolve));
  const port = (holder.address() as { port: number }).port;
  try {
    const child = spawn(process.execPath, API_ARGS, {
      env: { ...process.env, ...env, PORT: String(port) },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', (exitCode) => resolve(exitCode)));
    return { code, stderr, port };
  } finally {
    holder.close();
  }
}
