import { Logger } from '@nestjs/common';
import cluster, { type Worker } from 'node:cluster';

/** A crashed process is started again after 1 s, then 2, 4, … up to this. */
const MAX_RESTART_DELAY_MS = 30_000;
/** A process that ran this long before crashing starts its backoff from 1 s again. */
const STABLE_AFTER_MS = 60_000;

export interface ClusterOptions {
  /** How many processes serve; 1 runs `start` in this process, with no cluster. */
  processes: number;
  /** The process's name in logs and in the startup failure line ("API"). */
  name: string;
  /** How long the primary waits for its processes after SIGTERM before it exits 1. */
  shutdownTimeoutMs?: number;
  /** Runs in the primary before it forks (the API's: it aggregates its processes' metrics). */
  primary?: () => void;
}

/**
 * Runs `start` in `processes` processes sharing one listening port (node's cluster module: the
 * primary accepts connections and hands them to its workers in turn). The primary serves nothing:
 * it forks the workers, starts a crashed one again with backoff (1 s doubling to 30 s, reset once
 * it has run a minute), passes SIGTERM and SIGINT on to every worker, each of which closes
 * gracefully (`closeOnSignals`), and exits 0 once all have exited 0 (1 if one did not, or after
 * `shutdownTimeoutMs`). A worker that fails before any has started listening (a bad setting, a
 * port in use) stops the start: the others are stopped and the primary exits 1, since every
 * restart would fail the same way; the worker has written why on stderr.
 */
export function runClustered(options: ClusterOptions, start: () => Promise<void>): void {
  if (options.processes <= 1 || !cluster.isPrimary) {
    void start();
    return;
  }
  const logger = new Logger(`${options.name} cluster`);
  const shutdownTimeoutMs = options.shutdownTimeoutMs ?? 35_000;
  const slots = new Map<Worker, { slot: number; startedAt: number }>();
  const delays = new Array<number>(options.processes).fill(0);
  let listening = false;
  let stopping = false;
  let failed = false;

  const fork = (slot: number) => slots.set(cluster.fork(), { slot, startedAt: Date.now() });

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: stopping ${slots.size} processes`);
    for (const worker of slots.keys()) worker.process.kill(signal);
    setTimeout(() => {
      logger.error(`Processes still running ${shutdownTimeoutMs} ms after ${signal}; exiting anyway`);
      process.exit(1);
    }, shutdownTimeoutMs).unref();
  };

  cluster.on('listening', () => (listening = true));
  cluster.on('exit', (worker, code, signal) => {
    const entry = slots.get(worker);
    slots.delete(worker);
    if (stopping || !entry) {
      if (code !== 0) failed = true;
      if (slots.size === 0) process.exit(failed ? 1 : 0);
      return;
    }
    if (!listening) {
      failed = true;
      stop('SIGTERM');
      if (slots.size === 0) process.exit(1);
      return;
    }
    const ranMs = Date.now() - entry.startedAt;
    const delay = ranMs >= STABLE_AFTER_MS ? 1_000 : Math.min(Math.max(delays[entry.slot] * 2, 1_000), MAX_RESTART_DELAY_MS);
    delays[entry.slot] = delay;
    logger.warn(`Process ${worker.process.pid} exited (${signal ?? `code ${code}`}); starting another in ${delay} ms`);
    setTimeout(() => {
      if (!stopping) fork(entry.slot);
    }, delay);
  });

  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  options.primary?.();
  logger.log(`Starting ${options.processes} processes`);
  for (let slot = 0; slot < options.processes; slot++) fork(slot);
}
