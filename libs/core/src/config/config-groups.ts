import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { IsInt, IsNotEmpty, IsOptional, Matches, Max, Min } from 'class-validator';
import { ChoiceSetting, CronSetting, Env, IntSetting, TextSetting, UrlSetting } from './setting.decorators';

export enum Environment {
  Development = 'development',
  Production = 'production',
  Test = 'test',
}

export type NPlusOneMode = 'off' | 'warn' | 'throw';

export const DEV_JWT_SECRET = 'dev-only-jwt-secret-do-not-use-in-production';
export const DEV_ADMIN_PASSWORD = 'admin';

const splitList = (raw: string): string[] => raw.split(',');

/** `auto` is one per core; digits a number; anything else stays text for `IsInt` to refuse. */
const processCount = (raw: string): unknown => {
  const value = raw.trim();
  if (value === 'auto') return availableParallelism();
  return /^\d+$/.test(value) ? Number(value) : raw;
};

const PROCESSES_MESSAGE = 'API_PROCESSES must be a positive integer (at most 64) or auto';

/** NODE_ENV. */
export class RuntimeSettings {
  @ChoiceSetting('NODE_ENV', Object.values(Environment))
  environment: Environment = Environment.Development;
}

/** The HTTP listener and what it trusts. */
export class HttpSettings {
  @IntSetting('PORT', 1, 65535)
  port = 8000;

  @Env('CORS_ORIGINS', splitList)
  @Matches(/^https?:\/\/[^,\s]+$/, {
    each: true,
    message: 'CORS_ORIGINS must be a comma-separated list of origins such as https://app.example.com',
  })
  corsOrigins: string[] = [];

  @IntSetting('TRUST_PROXY_HOPS', 0, 10)
  trustProxyHops = 0;

  /** API processes sharing the port (node's cluster module); `auto` is one per core. */
  @Env('API_PROCESSES', processCount)
  @IsInt({ message: PROCESSES_MESSAGE })
  @Min(1, { message: PROCESSES_MESSAGE })
  @Max(64, { message: PROCESSES_MESSAGE })
  processes = 1;

  /** The staff console's build (index.html, assets/), served at /admin; relative values resolve from the working directory. */
  @Env('CONSOLE_DIR', resolve)
  @IsNotEmpty()
  consoleDir = resolve('dist/console');
}

export class DatabaseSettings {
  @UrlSetting('DATABASE_URL', /^mysql:\/\/[^/]+\/[A-Za-z0-9_]+$/, 'mysql://user:password@host:port/database')
  url = 'mysql://root@127.0.0.1:3306/gym';

  /**
   * Read replicas of `url`'s database, for the API's plain reads outside a transaction (the
   * worker and the CLI use the primary only). Empty: every statement goes to the primary.
   */
  @Env('DATABASE_REPLICA_URLS', (raw) => raw.split(',').map((url) => url.trim()))
  @Matches(/^mysql:\/\/[^/]+\/[A-Za-z0-9_]+$/, {
    each: true,
    message: 'DATABASE_REPLICA_URLS must be a comma-separated list such as mysql://reader:password@replica-1:3306/gym',
  })
  replicaUrls: string[] = [];

  /** The database name in the URL. */
  get name(): string {
    return new URL(this.url).pathname.slice(1);
  }
}

export class RedisSettings {
  @UrlSetting('REDIS_URL', /^rediss?:\/\/.+/, 'redis://host:port')
  url = 'redis://127.0.0.1:6379';
}

/** Access and refresh tokens, the default staff account and the login limit. */
export class AuthSettings {
  @TextSetting('JWT_SECRET')
  jwtSecret = '';

  /** Access tokens are short-lived: a client keeps its session with a refresh token. */
  @IntSetting('JWT_EXPIRES_IN', 60)
  jwtExpiresInSeconds = 900;

  /** How long a refresh token may be exchanged for a new pair (each exchange starts the count again). */
  @IntSetting('REFRESH_TOKEN_DAYS', 1, 365)
  refreshTokenDays = 30;

  @TextSetting('ADMIN_PASSWORD')
  adminPassword = '';

  @IntSetting('LOGIN_RATE_LIMIT', 1)
  loginRateLimit = 10;

  @IntSetting('LOGIN_RATE_WINDOW_SECONDS', 1)
  loginRateWindowSeconds = 60;

  /** Sign-ups per client address in 10 minutes. */
  @IntSetting('SIGNUP_RATE_LIMIT', 1)
  signupRateLimit = 10;
}

export class MailSettings {
  @UrlSetting('SMTP_URL', /^smtps?:\/\/.+/, 'smtp://host:port')
  smtpUrl = 'smtp://127.0.0.1:1025';

  @TextSetting('MAIL_FROM', true)
  from = 'Gym <no-reply@gym.local>';
}

/** Queued and scheduled work. */
export class JobsSettings {
  @IntSetting('EMAIL_ATTEMPTS', 1, 20)
  emailAttempts = 5;

  @IntSetting('EMAIL_BACKOFF_MS', 10)
  emailBackoffMs = 5_000;

  @IntSetting('TASK_RETENTION_HOURS', 24)
  taskRetentionHours = 48;

  @CronSetting('EXPIRE_CREDITS_CRON')
  expireCreditsCron = '5 0 * * *';

  /** When members get the list of tomorrow's bookings by email. */
  @CronSetting('REMINDER_CRON')
  reminderCron = '0 18 * * *';

  get taskRetentionSeconds(): number {
    return this.taskRetentionHours * 3600;
  }
}

export class GymSettings {
  /** The gym's time zone: "today" and "days before" are counted in it. */
  @TextSetting('APP_TIMEZONE')
  timezone = 'Asia/Seoul';

  /** A waitlist stops promoting this many minutes before its lesson starts; its waiting entries expire. */
  @IntSetting('WAITLIST_CUTOFF_MINUTES', 0, 7 * 24 * 60)
  waitlistCutoffMinutes = 120;
}

/** The query counter's N+1 detector. */
export class DiagnosticsSettings {
  @IntSetting('N_PLUS_ONE_THRESHOLD', 2)
  nPlusOneThreshold = 10;

  @ChoiceSetting('N_PLUS_ONE_MODE', ['off', 'warn', 'throw'])
  nPlusOneMode: NPlusOneMode = 'warn';
}

export class LogSettings {
  @ChoiceSetting('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  level = 'info';
}

/** The recommendation index. */
export class RecommendSettings {
  /** Absolute path of the index file (a relative value resolves from the working directory). */
  @Env('RECOMMEND_INDEX_PATH', resolve)
  @IsNotEmpty()
  indexPath = resolve('var/feed-index.bin');

  @IntSetting('RECOMMEND_DIMENSION', 16, 4096)
  dimension = 256;

  @IntSetting('RECOMMEND_THREADS', 1, 64)
  threads = 2;

  @IntSetting('RECOMMEND_RELOAD_INTERVAL_MS', 50)
  reloadIntervalMs = 5_000;

  /**
   * Corpora smaller than this are searched by the exact scan (10,000 × 256 dims scan in about
   * 3.4 ms, under the 5 ms goal); from this size on the builder also writes an HNSW index and the
   * API searches it. 0 = always HNSW when the file is there.
   */
  @IntSetting('RECOMMEND_EXACT_BELOW', 0)
  exactBelow = 10_000;

  /** How the HNSW index stores vectors: f32 (exact scores), f16 (half the size) or i8 (a quarter). */
  @ChoiceSetting('RECOMMEND_ANN_QUANTIZATION', ['f32', 'f16', 'i8'])
  annQuantization: 'f32' | 'f16' | 'i8' = 'f32';

  /** Candidates an HNSW search keeps (usearch's expansion_search): higher is slower and more exact. */
  @IntSetting('RECOMMEND_ANN_EXPANSION', 16, 4096)
  annExpansion = 128;

  @CronSetting('REBUILD_INDEX_CRON')
  rebuildCron = '*/30 * * * *';
}

/** The Prometheus endpoints (docs/metrics.md). */
export class MetricsSettings {
  /** The bearer token `GET /metrics` asks for; unset, the route is off (404 as an unknown route). */
  @TextSetting('METRICS_TOKEN')
  token = '';

  /** The worker's own metrics listener; unset, the worker listens on no port. */
  @Env('WORKER_METRICS_PORT', (raw) => (/^\d+$/.test(raw.trim()) ? Number(raw) : raw))
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(65535)
  workerPort: number | undefined = undefined;
}
