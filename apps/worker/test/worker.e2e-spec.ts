import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { WorkerReadiness } from '../src/worker-readiness';
import { WorkerModule } from '../src/worker.module';

describe('worker process (e2e)', () => {
  afterEach(() => jest.restoreAllMocks());

  it('boots, connects to MySQL and Redis, and says it is ready', async () => {
    const log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    const app = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
    try {
      await app.get(WorkerReadiness).assertReady();
      expect(log.mock.calls.map((call) => call[0])).toContain('Worker ready: MySQL and Redis are connected');
    } finally {
      await app.close();
    }
  });

  it('refuses to start when Redis is unreachable', async () => {
    const realRedisUrl = process.env.REDIS_URL;
    process.env.REDIS_URL = 'redis://127.0.0.1:1';
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const app = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    try {
      await expect(app.get(WorkerReadiness).assertReady()).rejects.toThrow('MySQL or Redis not ready: db up, redis down');
    } finally {
      process.env.REDIS_URL = realRedisUrl;
      await app.close();
    }
  });
});
