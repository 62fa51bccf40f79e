import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { readRedisPersistence, type RedisPersistence } from './redis-persistence';

/**
 * The process's Redis connection for its own use (health, rate limits, caches). It fails fast
 * instead of queueing commands while Redis is down, so callers can report the outage.
 */
@Injectable()
export class RedisConnection implements OnApplicationShutdown {
  private readonly logger = new Logger('Redis');
  readonly client: Redis;
  private lastError = '';
  private closing = false;

  constructor(config: AppConfig) {
    this.client = new Redis(config.redis.url, {
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      connectTimeout: 2_000,
      disconnectTimeout: 200,
      retryStrategy: (attempt) => (this.closing ? null : Math.min(attempt * 200, 2_000)),
    });
    this.client.on('error', (error: Error) => {
      if (error.message !== this.lastError) this.logger.warn(`Redis: ${error.message}`);
      this.lastError = error.message;
    });
    this.client.on('ready', () => (this.lastError = ''));
  }

  /** Resolves when Redis answers PING within `timeoutMs`. */
  async ping(timeoutMs = 1_000): Promise<void> {
    if (this.client.status !== 'ready') await this.waitUntilReady(timeoutMs);
    await withTimeout(this.client.ping(), timeoutMs, 'Redis did not answer PING');
  }

  /** How this Redis persists; `unknown` when it is down or does not say within `timeoutMs`. */
  async persistence(timeoutMs = 1_000): Promise<RedisPersistence> {
    if (this.client.status !== 'ready') return 'unknown';
    return withTimeout(readRedisPersistence(this.client), timeoutMs, 'Redis did not answer CONFIG GET').catch(() => 'unknown' as const);
  }

  private waitUntilReady(timeoutMs: number): Promise<void> {
    return withTimeout(
      new Promise<void>((resolve) => this.client.once('ready', () => resolve())),
      timeoutMs,
      `Redis is not connected (${this.client.status})`,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    this.closing = true;
    this.client.disconnect();
  }
}

export function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
