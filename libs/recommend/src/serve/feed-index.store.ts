import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { type FSWatcher, watch } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { AppConfig } from '@app/core';
import { fileIdentity } from '../index-file/index-file.reader';
import { loadServedIndex, type ServedIndex } from './served-index';

/** Lets a burst of file-system events (temp file, rename) settle into one check. */
const WATCH_DEBOUNCE_MS = 50;

/**
 * Holds the index the API serves (its HNSW graph mapped from disk, or for a small corpus the whole
 * file in shared memory; see `loadServedIndex`) and swaps to a newer file without a restart.
 * A change is noticed by `fs.watch` on the directory and, as a fallback (network file systems,
 * missed events), by a periodic `stat`. The new file is read completely before the swap, which is
 * one assignment: searches already running keep the buffer they were given until they finish, so
 * none fails. A file that cannot be read leaves the current index in place.
 */
@Injectable()
export class FeedIndexStore implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('FeedIndexStore');
  private index: ServedIndex | null = null;
  private watcher: FSWatcher | null = null;
  private timer: NodeJS.Timeout | null = null;
  private debounce: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private failedIdentity: string | null = null;
  private stopped = false;

  constructor(private readonly config: AppConfig) {}

  /** The index to search now, or null when none has been built yet. */
  current(): ServedIndex | null {
    return this.index;
  }

  async onModuleInit(): Promise<void> {
    const path = this.config.recommend.indexPath;
    await mkdir(dirname(path), { recursive: true });
    await this.refresh();
    if (!this.index) this.logger.warn(`No recommendation index at ${path} yet; run "npm run cli -- rebuild-index" or wait for the worker`);
    try {
      this.watcher = watch(dirname(path), (_event, name) => {
        if (name === null || name === basename(path)) this.scheduleRefresh();
      });
      this.watcher.on('error', (error) =>
        this.logger.warn(`Watching ${dirname(path)} failed (${error.message}); relying on the periodic check`),
      );
    } catch (error) {
      this.logger.warn(`Cannot watch ${dirname(path)} (${String(error)}); relying on the periodic check`);
    }
    this.timer = setInterval(() => this.scheduleRefresh(), this.config.recommend.reloadIntervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.watcher?.close();
    if (this.timer) clearInterval(this.timer);
    if (this.debounce) clearTimeout(this.debounce);
    await this.running;
    await this.index?.ann?.close();
  }

  /**
   * Loads the file when it differs from the one in memory. Calls overlapping a running refresh
   * run once more after it, so the last change is never missed.
   */
  refresh(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.load().finally(() => {
      this.running = null;
      if (this.again && !this.stopped) {
        this.again = false;
        void this.refresh();
      }
    });
    return this.running;
  }

  private scheduleRefresh(): void {
    if (this.stopped) return;
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = setTimeout(() => {
      this.debounce = null;
      void this.refresh();
    }, WATCH_DEBOUNCE_MS);
  }

  private async load(): Promise<void> {
    const path = this.config.recommend.indexPath;
    const seen = await stat(path).then(fileIdentity, () => null);
    if (seen === null || seen === this.index?.fileIdentity || seen === this.failedIdentity) return;
    try {
      const { exactBelow, annExpansion } = this.config.recommend;
      const next = await loadServedIndex(path, {
        exactBelow,
        annExpansion,
        onFallback: (reason) => this.logger.warn(`No usable HNSW index for ${path}: ${reason}`),
      });
      if (this.stopped) {
        await next.ann?.close();
        return;
      }
      // searches on the graph run synchronously, so none is in flight on the old one: close it now
      const previous = this.index;
      this.index = next;
      this.failedIdentity = null;
      await previous?.ann?.close();
      const { count, dimension, builtAt } = next.layout;
      this.logger.log(
        `Serving the recommendation index built at ${new Date(builtAt).toISOString()}: ${count} items × ${dimension} dims, ` +
          (next.ann ? 'HNSW (memory-mapped)' : 'exact scan'),
      );
    } catch (error) {
      this.failedIdentity = seen;
      this.logger.error(
        `Cannot load the recommendation index ${path}: ${error instanceof Error ? error.message : String(error)}; keeping the current one`,
      );
    }
  }
}
