import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { ConfigError, configVariables, Environment, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({});
    expect(config.environment).toBe(Environment.Development);
    expect(config.http.port).toBe(8000);
    expect(config.db.url).toBe('mysql://root@127.0.0.1:3306/gym');
    expect(config.redis.url).toBe('redis://127.0.0.1:6379');
    expect(config.mail.smtpUrl).toBe('smtp://127.0.0.1:1025');
    expect(config.gym.timezone).toBe('Asia/Seoul');
    expect(config.auth).toMatchObject({ adminPassword: 'admin', jwtExpiresInSeconds: 900, refreshTokenDays: 30 });
    expect(config.db.name).toBe('gym');
    expect(config.exposesQueryCount).toBe(true);
  });

  it('defaults the recommendation settings and resolves the index path from the working directory', () => {
    const config = loadConfig({});
    expect(config.recommend).toMatchObject({
      dimension: 256,
      threads: 2,
      reloadIntervalMs: 5000,
      rebuildCron: '*/30 * * * *',
    });
    expect(config.recommend.indexPath).toBe(`${process.cwd()}/var/feed-index.bin`);
    expect(loadConfig({ RECOMMEND_INDEX_PATH: '/srv/index/feed.bin' }).recommend.indexPath).toBe('/srv/index/feed.bin');
    expect(loadConfig({}).http.consoleDir).toBe(resolve('dist/console'));
    expect(loadConfig({ CONSOLE_DIR: 'build/console' }).http.consoleDir).toBe(resolve('build/console'));
    expect(() => loadConfig({ RECOMMEND_THREADS: '0', RECOMMEND_DIMENSION: '8', REBUILD_INDEX_CRON: 'hourly' })).toThrow(
      /RECOMMEND_DIMENSION[\s\S]*RECOMMEND_THREADS[\s\S]*REBUILD_INDEX_CRON must be a five-field cron expression/,
    );
  });

  it('names every bad variable in one clear error', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'postgres://x/y',
        APP_TIMEZONE: 'Mars/Olympus',
        CORS_ORIGINS: 'https://a.example,ftp://b',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/PORT: PORT must be an integer/);
    expect(message).toMatch(/DATABASE_URL must look like mysql:/);
    expect(message).toMatch(/APP_TIMEZONE: unknown time zone "Mars\/Olympus"/);
    expect(message).toMatch(/CORS_ORIGINS: CORS_ORIGINS must be a comma-separated list/);
  });

  it('defaults the reminder schedule to 18:00 and refuses a cron that is not five fields', () => {
    expect(loadConfig({}).jobs.reminderCron).toBe('0 18 * * *');
    expect(loadConfig({ REMINDER_CRON: '30 19 * * 1-5' }).jobs.reminderCron).toBe('30 19 * * 1-5');
    expect(() => loadConfig({ REMINDER_CRON: 'evening' })).toThrow(/REMINDER_CRON: REMINDER_CRON must be a five-field cron expression/);
  });

  it('reads the token lifetimes and refuses a refresh lifetime outside 1 to 365 days', () => {
    expect(loadConfig({ JWT_EXPIRES_IN: '300', REFRESH_TOKEN_DAYS: '7' }).auth).toMatchObject({
      jwtExpiresInSeconds: 300,
      refreshTokenDays: 7,
    });
    expect(() => loadConfig({ REFRESH_TOKEN_DAYS: '0' })).toThrow(/REFRESH_TOKEN_DAYS: REFRESH_TOKEN_DAYS must not be less than 1/);
    expect(() => loadConfig({ REFRESH_TOKEN_DAYS: '400' })).toThrow(/REFRESH_TOKEN_DAYS must not be greater than 365/);
  });

  it('splits the CORS origins', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example,http://b.example:8080' }).http.corsOrigins).toEqual([
      'https://a.example',
      'http://b.example:8080',
    ]);
  });

  it('refuses to start in production with default or missing secrets', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /JWT_SECRET: required in production[\s\S]*ADMIN_PASSWORD: required in production/,
    );
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), ADMIN_PASSWORD: 'admin' })).toThrow(/ADMIN_PASSWORD/);
  });

  it('accepts a complete production configuration and hides query counts there', () => {
    const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), ADMIN_PASSWORD: 's3cret-admin', PORT: '3000' });
    expect(config.http.port).toBe(3000);
    expect(config.isProduction).toBe(true);
    expect(config.exposesQueryCount).toBe(false);
    expect(config.diagnostics.nPlusOneMode).toBe('off');
    expect(
      loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), ADMIN_PASSWORD: 's3cret-admin', N_PLUS_ONE_MODE: 'warn' })
        .diagnostics.nPlusOneMode,
    ).toBe('warn');
    expect(loadConfig({}).diagnostics.nPlusOneMode).toBe('warn');
  });

  it('reads the metrics token and the worker metrics port, and refuses the port without a token', () => {
    expect(loadConfig({}).metrics).toEqual({ token: '', workerPort: undefined });
    expect(loadConfig({ METRICS_TOKEN: 'scrape-me', WORKER_METRICS_PORT: '9464' }).metrics).toEqual({
      token: 'scrape-me',
      workerPort: 9464,
    });
    expect(() => loadConfig({ WORKER_METRICS_PORT: '9464' })).toThrow(/WORKER_METRICS_PORT: needs METRICS_TOKEN/);
    expect(() => loadConfig({ METRICS_TOKEN: 't', WORKER_METRICS_PORT: 'abc' })).toThrow(/WORKER_METRICS_PORT/);
    expect(() => loadConfig({ METRICS_TOKEN: 't', WORKER_METRICS_PORT: '70000' })).toThrow(/WORKER_METRICS_PORT/);
  });

  it('reads API_PROCESSES as a count or auto (one per core), refusing anything else', () => {
    expect(loadConfig({}).http.processes).toBe(1);
    expect(loadConfig({ API_PROCESSES: '3' }).http.processes).toBe(3);
    expect(loadConfig({ API_PROCESSES: 'auto' }).http.processes).toBe(availableParallelism());
    for (const bad of ['0', '-1', '1.5', 'many', '65'])
      expect(() => loadConfig({ API_PROCESSES: bad })).toThrow('API_PROCESSES must be a positive integer (at most 64) or auto');
  });

  it('lists every variable once, with its default', () => {
    const variables = configVariables().map((entry) => entry.variable);
    expect(new Set(variables).size).toBe(variables.length);
    expect(configVariables()).toContainEqual({ variable: 'PORT', defaultValue: 8000 });
    expect(variables).toHaveLength(38);
  });
});
