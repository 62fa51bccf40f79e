/** The environment every bench script gives the built API and CLI: its own database and Redis db. */
export const BENCH_DATABASE = 'gym_bench';

export function benchEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: `mysql://root@127.0.0.1:3306/${BENCH_DATABASE}`,
    REDIS_URL: 'redis://127.0.0.1:6379/15',
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123456789',
    ADMIN_PASSWORD: 'bench-admin-password',
    ...extra,
  };
}
