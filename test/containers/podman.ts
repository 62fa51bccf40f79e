import { execFile } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The private storage and configuration that build-images.sh (podman-env.sh) wrote. */
export function podmanEnvironment(): NodeJS.ProcessEnv {
  const cache = process.env.GYM_CONTAINERS_CACHE ?? '/var/cache/gym-containers';
  return {
    ...process.env,
    CONTAINERS_STORAGE_CONF: `${cache}/storage.conf`,
    CONTAINERS_CONF: `${cache}/containers.conf`,
    CONTAINERS_REGISTRIES_CONF: `${cache}/registries.conf`,
  };
}

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

async function command(file: string, args: string[], timeoutMs: number, cwd?: string): Promise<CommandResult> {
  try {
    const { stdout, stderr } = await run(file, args, { env: podmanEnvironment(), timeout: timeoutMs, cwd, maxBuffer: 32 << 20 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number | string; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : 1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? String(error) };
  }
}

export const podman = (args: string[], timeoutMs = 120_000) => command('podman', args, timeoutMs);

export const podmanCompose = (args: string[], cwd: string, timeoutMs = 120_000) => command('podman-compose', args, timeoutMs, cwd);

/** Like `podman`, but throws with podman's own words when the command fails. */
export async function podmanOk(args: string[], timeoutMs?: number): Promise<string> {
  const result = await podman(args, timeoutMs);
  if (result.code !== 0) throw new Error(`podman ${args.join(' ')} exited ${result.code}: ${result.stderr.trim()}`);
  return result.stdout.trim();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until the container's own health check passes. Without systemd podman never runs health
 * checks by itself, so this runs them (`podman healthcheck run`), as Docker's timer would.
 */
export async function waitHealthy(container: string, timeoutMs: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    if ((await podman(['healthcheck', 'run', container])).code === 0) return Date.now() - started;
    const state = await podmanOk(['inspect', '--format', '{{.State.Status}} {{.State.ExitCode}}', container]);
    if (state.startsWith('exited') || Date.now() - started > timeoutMs) {
      const logs = await podman(['logs', '--tail', '40', container]);
      throw new Error(`${container} is not healthy after ${Date.now() - started} ms (${state}):\n${logs.stdout}${logs.stderr}`);
    }
    await sleep(1_000);
  }
}

/** Removes every container, volume and network that carries the label, whatever state they are in. */
export async function removeLabelled(label: string): Promise<void> {
  const ids = (args: string[]) => podmanOk(args).then((out) => out.split('\n').filter(Boolean));
  const containers = await ids(['ps', '-aq', '--filter', `label=${label}`]);
  if (containers.length) await podman(['rm', '-f', '-t', '5', ...containers]);
  const volumes = await ids(['volume', 'ls', '-q', '--filter', `label=${label}`]);
  if (volumes.length) await podman(['volume', 'rm', '-f', ...volumes]);
  const networks = await ids(['network', 'ls', '-q', '--filter', `label=${label}`]);
  if (networks.length) await podman(['network', 'rm', '-f', ...networks]);
}

/** A TCP port on 127.0.0.1 that nothing listens on now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
