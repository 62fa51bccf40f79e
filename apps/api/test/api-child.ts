import { type ChildProcess, spawn } from 'node:child_process';

export interface ApiChild {
  child: ChildProcess;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** Everything the API wrote so far, stdout and stderr. */
  output(): string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The API as a process of its own, started from source on this Jest worker's database and Redis.
 * Resolves once `/health` answers 200; rejects with the API's output if it exits first or is not up
 * within `timeoutMs` (compiling the app from source takes seconds, more on a loaded CI machine).
 * `env` is added to this process's environment.
 */
export async function startApiProcess(port: number, timeoutMs = 120_000, env: Record<string, string> = {}): Promise<ApiChild> {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/api/src/main.ts'],

    { env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
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
