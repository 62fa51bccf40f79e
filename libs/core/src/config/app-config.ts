import { plainToInstance, Transform } from 'class-transformer';
import { IsEnum, IsIn, IsInt, IsNotEmpty, IsString, Matches, Max, Min, validateSync } from 'class-validator';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export enum Environment {
  Development = 'development',
  Production = 'production',
  Test = 'test',
}

export type NPlusOneMode = 'off' | 'warn' | 'throw';

const DEV_JWT_SECRET = 'dev-only-jwt-secret-do-not-use-in-production';
const DEV_ADMIN_PASSWORD = 'admin';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value);

/** The environment variables the service reads, with their defaults. Validated once at boot. */
class EnvironmentVariables {
  @IsEnum(Environment)
  NODE_ENV: Environment = Environment.Development;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 8000;

  @Matches(/^mysql:\/\/[^/]+\/[A-Za-z0-9_]+$/, { message: 'DATABASE_URL must look like mysql://user:password@host:port/database' })
  DATABASE_URL = 'mysql://root@127.0.0.1:3306/gym';

  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must look like redis://host:port' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  @IsString()
  JWT_SECRET = '';

  @Transform(toInt)
  @IsInt()
  @Min(60)
  JWT_EXPIRES_IN = 3600;

  @IsString()
  ADMIN_PASSWORD = '';

  @Matches(/^smtps?:\/\/.+/, { message: 'SMTP_URL must look like smtp://host:port' })
  SMTP_URL = 'smtp://127.0.0.1:1025';

  @IsNotEmpty()
  MAIL_FROM = 'Gym <no-reply@gym.local>';

  @IsString()
  APP_TIMEZONE = 'Asia/Seoul';

  @Transform(toInt)
  @IsInt()
  @Min(2)
  N_PLUS_ONE_THRESHOLD = 10;

  @IsIn(['off', 'warn', 'throw'])
  N_PLUS_ONE_MODE: NPlusOneMode = 'warn';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(20)
  EMAIL_ATTEMPTS = 5;

  @Transform(toInt)
  @IsInt()
  @Min(10)
  EMAIL_BACKOFF_MS = 5_000;

  @Transform(toInt)
  @IsInt()
  @Min(24)
  TASK_RETENTION_HOURS = 48;

  @Matches(/^(\S+\s+){4}\S+$/, { message: 'EXPIRE_CREDITS_CRON must be a five-field cron expression' })
  EXPIRE_CREDITS_CRON = '5 0 * * *';

  @Matches(/^$|^https?:\/\/[^,\s]+(,https?:\/\/[^,\s]+)*$/, {
    message: 'CORS_ORIGINS must be a comma-separated list of origins such as https://app.example.com',
  })
  CORS_ORIGINS = '';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @IsNotEmpty()
  RECOMMEND_INDEX_PATH = 'var/feed-index.bin';

  @Transform(toInt)
  @IsInt()
  @Min(16)
  @Max(4096)
  RECOMMEND_DIMENSION = 256;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_RATE_LIMIT = 10;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_RATE_WINDOW_SECONDS = 60;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(10)
  TRUST_PROXY_HOPS = 0;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(64)
  RECOMMEND_THREADS = 2;

  @Transform(toInt)
  @IsInt()
  @Min(50)
  RECOMMEND_RELOAD_INTERVAL_MS = 5_000;

  @Matches(/^(\S+\s+){4}\S+$/, { message: 'REBUILD_INDEX_CRON must be a five-field cron expression' })
  REBUILD_INDEX_CRON = '*/30 * * * *';
}

export class ConfigError extends Error {
  constructor(problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/** Typed, validated configuration. The only place in the code base that reads `process.env`. */
export class AppConfig {
  readonly environment: Environment;
  readonly port: number;
  readonly databaseUrl: string;
  readonly redisUrl: string;
  readonly jwtSecret: string;
  readonly jwtExpiresInSeconds: number;
  readonly adminPassword: string;
  readonly smtpUrl: string;
  readonly mailFrom: string;
  readonly timezone: string;
  readonly nPlusOneThreshold: number;
  readonly nPlusOneMode: NPlusOneMode;
  readonly emailAttempts: number;
  readonly emailBackoffMs: number;
  readonly taskRetentionSeconds: number;
  readonly expireCreditsCron: string;
  readonly corsOrigins: string[];
  readonly logLevel: string;
  readonly loginRateLimit: number;
  readonly loginRateWindowSeconds: number;
  readonly trustProxyHops: number;
  /** Absolute path of the recommendation index file (relative values resolve from the working directory). */
  readonly recommendIndexPath: string;
  readonly recommendDimension: number;
  readonly recommendThreads: number;
  readonly recommendReloadIntervalMs: number;
  readonly rebuildIndexCron: string;

  constructor(vars: EnvironmentVariables) {
    this.environment = vars.NODE_ENV;
    this.port = vars.PORT;
    this.databaseUrl = vars.DATABASE_URL;
    this.redisUrl = vars.REDIS_URL;
    this.jwtSecret = vars.JWT_SECRET || DEV_JWT_SECRET;
    this.jwtExpiresInSeconds = vars.JWT_EXPIRES_IN;
    this.adminPassword = vars.ADMIN_PASSWORD || DEV_ADMIN_PASSWORD;
    this.smtpUrl = vars.SMTP_URL;
    this.mailFrom = vars.MAIL_FROM;
    this.timezone = vars.APP_TIMEZONE;
    this.nPlusOneThreshold = vars.N_PLUS_ONE_THRESHOLD;
    this.nPlusOneMode = vars.N_PLUS_ONE_MODE;
    this.emailAttempts = vars.EMAIL_ATTEMPTS;
    this.emailBackoffMs = vars.EMAIL_BACKOFF_MS;
    this.taskRetentionSeconds = vars.TASK_RETENTION_HOURS * 3600;
    this.expireCreditsCron = vars.EXPIRE_CREDITS_CRON;
    this.corsOrigins = vars.CORS_ORIGINS ? vars.CORS_ORIGINS.split(',') : [];
    this.logLevel = vars.LOG_LEVEL;
    this.loginRateLimit = vars.LOGIN_RATE_LIMIT;
    this.loginRateWindowSeconds = vars.LOGIN_RATE_WINDOW_SECONDS;
    this.trustProxyHops = vars.TRUST_PROXY_HOPS;
    this.recommendIndexPath = resolve(vars.RECOMMEND_INDEX_PATH);
    this.recommendDimension = vars.RECOMMEND_DIMENSION;
    this.recommendThreads = vars.RECOMMEND_THREADS;
    this.recommendReloadIntervalMs = vars.RECOMMEND_RELOAD_INTERVAL_MS;
    this.rebuildIndexCron = vars.REBUILD_INDEX_CRON;
  }

  get isProduction(): boolean {
    return this.environment === Environment.Production;
  }

  /** `X-Query-Count` and N+1 diagnostics are development aids, never shown in production. */
  get exposesQueryCount(): boolean {
    return !this.isProduction;
  }

  /** The database name in `DATABASE_URL`. */
  get databaseName(): string {
    return new URL(this.databaseUrl).pathname.slice(1);
  }
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Reads and validates the environment; throws a `ConfigError` naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const vars = plainToInstance(EnvironmentVariables, present, { exposeDefaultValues: true });
  const problems = validateSync(vars, { whitelist: false }).flatMap((error) =>
    Object.values(error.constraints ?? {}).map((message) => `${error.property}: ${message}`),
  );
  if (!isTimeZone(vars.APP_TIMEZONE)) problems.push(`APP_TIMEZONE: unknown time zone "${vars.APP_TIMEZONE}"`);
  if (vars.NODE_ENV === Environment.Production) {
    if (!vars.JWT_SECRET || vars.JWT_SECRET === DEV_JWT_SECRET || vars.JWT_SECRET.length < 32) {
      problems.push('JWT_SECRET: required in production, at least 32 characters');
    }
    if (!vars.ADMIN_PASSWORD || vars.ADMIN_PASSWORD === DEV_ADMIN_PASSWORD) {
      problems.push('ADMIN_PASSWORD: required in production, and not the default');
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return new AppConfig(vars);
}

/** Loads `.env` from the working directory when there is one; real environment variables win. */
export function loadDotEnv(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}
