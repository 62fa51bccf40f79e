import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';

/** How often the monitor asks MySQL whether it is back, once an outage has begun. */
export const OUTAGE_PROBE_INTERVAL_MS = 1_000;

/**
 * Logs a database outage twice: once when the first request meets it, once when MySQL answers
 * again, with how long it lasted and how many requests were answered 503 meanwhile. Without it,
 * 10 s of downtime wrote 885 error entries with stack traces. While an outage lasts, a probe
 * (`select 1`) runs every second to notice the end, whether or not requests arrive.
 */
@Injectable()
export class DatabaseOutageMonitor implements OnModuleDestroy {
  private readonly logger = new Logger('Database');
  private since: number | null = null;
  private refusals = 0;
  private probe: NodeJS.Timeout | null = null;

  constructor(private readonly orm: MikroORM) {}

  /** A request could not be served because the database is unavailable. */
  refused(error: unknown): void {
    this.refusals += 1;
    if (this.since !== null) return;
    this.since = Date.now();
    const code = (error as { code?: unknown } | null)?.code;
    this.logger.error(
      `MySQL is unavailable${typeof code === 'string' ? ` (${code})` : ''}: requests that need it answer 503 until it is back`,
    );
    this.probe = setInterval(() => void this.check(), OUTAGE_PROBE_INTERVAL_MS);
    this.probe.unref();
  }

  get isDown(): boolean {
    return this.since !== null;
  }

  onModuleDestroy(): void {
    this.stopProbe();
  }

  private async check(): Promise<void> {
    if (this.since === null) return;
    try {
      await this.orm.em.getConnection().execute('select 1');
    } catch {
      return;
    }
    if (this.since === null) return;
    const seconds = ((Date.now() - this.since) / 1000).toFixed(1);
    this.logger.log(`MySQL is available again after ${seconds} s; ${this.refusals} requests were answered 503 meanwhile`);
    this.since = null;
    this.refusals = 0;
    this.stopProbe();
  }

  private stopProbe(): void {
    if (this.probe) clearInterval(this.probe);
    this.probe = null;
  }
}
