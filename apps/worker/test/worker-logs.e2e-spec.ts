import { spawn } from 'node:child_process';

const READABLE_LINE = /^\d\d:\d\d:\d\d\.\d{3} (TRACE|DEBUG|INFO |WARN |ERROR|FATAL) /;

describe('worker logs (e2e)', () => {
  it('in development, logs through the same readable format as the API', async () => {
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/worker/src/main.ts'],
      { env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`worker did not get ready:\n${output}`)), 60_000);
      const watch = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Worker ready')) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout.on('data', watch);
      child.stderr.on('data', watch);
      void exited.then((code) => reject(new Error(`worker exited with ${code}:\n${output}`)));
    });
    child.kill('SIGTERM');
    await exited;

    const lines = output.split('\n').filter(Boolean);
    expect(lines).toContainEqual(
      expect.stringMatching(/^\d\d:\d\d:\d\d\.\d{3} INFO {2}\[Worker\] Worker ready: MySQL and Redis are connected$/),
    );
    expect(lines.filter((line) => !READABLE_LINE.test(line))).toEqual([]);
  });
});
