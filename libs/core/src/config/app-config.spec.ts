import { ConfigError, Environment, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      environment: Environment.Development,
      port: 8000,
      databaseUrl: 'mysql://root@127.0.0.1:3306/gym',
      redisUrl: 'redis://127.0.0.1:6379',
      smtpUrl: 'smtp://127.0.0.1:1025',
      timezone: 'Asia/Seoul',
      adminPassword: 'admin',
      jwtExpiresInSeconds: 3600,
    });
    expect(config.databaseName).toBe('gym');
    expect(config.exposesQueryCount).toBe(true);
  });

  it('defaults the recommendation settings and resolves the index path from the working directory', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      recommendDimension: 256,
      recommendThreads: 2,
      recommendReloadIntervalMs: 5000,
      rebuildIndexCron: '*/30 * * * *',
    });
    expect(config.recommendIndexPath).toBe(`${process.cwd()}/var/feed-index.bin`);
    expect(loadConfig({ RECOMMEND_INDEX_PATH: '/srv/index/feed.bin' }).recommendIndexPath).toBe('/srv/index/feed.bin');
    expect(() => loadConfig({ RECOMMEND_THREADS: '0', RECOMMEND_DIMENSION: '8', REBUILD_INDEX_CRON: 'hourly' })).toThrow(
      /RECOMMEND_DIMENSION[\s\S]*RECOMMEND_THREADS[\s\S]*REBUILD_INDEX_CRON must be a five-field cron expression/,
    );
  });

  it('names every bad variable in one clear error', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'postgres://x/y', APP_TIMEZONE: 'Mars/Olympus' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/PORT: /);
    expect(message).toMatch(/DATABASE_URL must look like mysql:/);
    expect(message).toMatch(/APP_TIMEZONE: unknown time zone "Mars\/Olympus"/);
  });

  it('refuses to start in production with default or missing secrets', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /JWT_SECRET: required in production[\s\S]*ADMIN_PASSWORD: required in production/,
    );
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), ADMIN_PASSWORD: 'admin' })).toThrow(/ADMIN_PASSWORD/);
  });

  it('accepts a complete production configuration and hides query counts there', () => {
    const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), ADMIN_PASSWORD: 's3cret-admin', PORT: '3000' });
    expect(config.port).toBe(3000);
    expect(config.isProduction).toBe(true);
    expect(config.exposesQueryCount).toBe(false);
  });
});
