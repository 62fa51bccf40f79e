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
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET: required in production[\s\S]*ADMIN_PASSWORD: required in production/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), ADMIN_PASSWORD: 'admin' })).toThrow(/ADMIN_PASSWORD/);
  });

  it('accepts a complete production configuration and hides query counts there', () => {
    const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), ADMIN_PASSWORD: 's3cret-admin', PORT: '3000' });
    expect(config.port).toBe(3000);
    expect(config.isProduction).toBe(true);
    expect(config.exposesQueryCount).toBe(false);
  });
});
