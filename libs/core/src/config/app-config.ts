import { validateSync } from 'class-validator';
import { existsSync } from 'node:fs';
import {
  AuthSettings,
  DatabaseSettings,
  DEV_ADMIN_PASSWORD,
  DEV_JWT_SECRET,
  DiagnosticsSettings,
  Environment,
  GymSettings,
  HttpSettings,
  JobsSettings,
  LogSettings,
  MailSettings,
  MetricsSettings,
  RecommendSettings,
  RedisSettings,
  RuntimeSettings,
} from './config-groups';
import { settingSources } from './setting.decorators';

export { Environment, type NPlusOneMode } from './config-groups';

/** Each group of settings, by the name it has on `AppConfig`. */
const GROUPS = {
  runtime: RuntimeSettings,
  http: HttpSettings,
  db: DatabaseSettings,
  redis: RedisSettings,
  auth: AuthSettings,
  mail: MailSettings,
  jobs: JobsSettings,
  gym: GymSettings,
  diagnostics: DiagnosticsSettings,
  log: LogSettings,
  recommend: RecommendSettings,
  metrics: MetricsSettings,
};

type Groups = { readonly [name in keyof typeof GROUPS]: InstanceType<(typeof GROUPS)[name]> };

export class ConfigError extends Error {
  constructor(problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/** Typed, validated configuration in groups (`config.db.url`, `config.recommend.threads`). The only reader of `process.env`. */
export class AppConfig implements Groups {
  readonly runtime!: RuntimeSettings;
  readonly http!: HttpSettings;
  readonly db!: DatabaseSettings;
  readonly redis!: RedisSettings;
  readonly auth!: AuthSettings;
  readonly mail!: MailSettings;
  readonly jobs!: JobsSettings;
  readonly gym!: GymSettings;
  readonly diagnostics!: DiagnosticsSettings;
  readonly log!: LogSettings;
  readonly recommend!: RecommendSettings;
  readonly metrics!: MetricsSettings;

  constructor(groups: Groups) {
    Object.assign(this, groups);
  }

  get environment(): Environment {
    return this.runtime.environment;
  }

  get isProduction(): boolean {
    return this.environment === Environment.Production;
  }

  /** `X-Query-Count` and N+1 diagnostics are development aids, never shown in production. */
  get exposesQueryCount(): boolean {
    return !this.isProduction;
  }
}

/** Every environment variable the service reads, with its default, in the order the groups declare them. */
export function configVariables(): { variable: string; defaultValue: unknown }[] {
  return Object.values(GROUPS).flatMap((Group) => {
    const defaults = new Group() as unknown as Record<string, unknown>;
    return settingSources(Group).map((source) => ({ variable: source.variable, defaultValue: defaults[source.property] }));
  });
}

function readGroup<T extends object>(Group: new () => T, env: NodeJS.ProcessEnv, problems: string[]): T {
  const group = new Group();
  const sources = settingSources(Group);
  for (const { property, variable, parse } of sources) {
    const raw = env[variable];
    if (raw !== undefined && raw !== '') (group as Record<string, unknown>)[property] = parse(raw);
  }
  for (const error of validateSync(group)) {
    const variable = sources.find((source) => source.property === error.property)?.variable ?? error.property;
    for (const message of Object.values(error.constraints ?? {})) {
      problems.push(`${variable}: ${message.replace(new RegExp(`^(each value in )?${error.property}\\b`), `$1${variable}`)}`);
    }
  }
  return group;
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
  const problems: string[] = [];
  const groups = Object.fromEntries(
    Object.entries(GROUPS).map(([name, Group]) => [name, readGroup(Group as new () => object, env, problems)]),
  ) as unknown as Groups;
  const { runtime, auth, gym, metrics } = groups;
  if (!isTimeZone(gym.timezone)) problems.push(`APP_TIMEZONE: unknown time zone "${gym.timezone}"`);
  if (runtime.environment === Environment.Production) {
    if (!auth.jwtSecret || auth.jwtSecret === DEV_JWT_SECRET || auth.jwtSecret.length < 32) {
      problems.push('JWT_SECRET: required in production, at least 32 characters');
    }
    if (!auth.adminPassword || auth.adminPassword === DEV_ADMIN_PASSWORD) {
      problems.push('ADMIN_PASSWORD: required in production, and not the default');
    }
  }
  // a listener that could only answer 404 is a mistake, not a choice
  if (metrics.workerPort !== undefined && !metrics.token)
    problems.push('WORKER_METRICS_PORT: needs METRICS_TOKEN (the token scrapers send)');
  if (problems.length > 0) throw new ConfigError(problems);
  // The N+1 detector is a development aid: production only counts statements unless told otherwise.
  if (runtime.environment === Environment.Production && !env.N_PLUS_ONE_MODE) groups.diagnostics.nPlusOneMode = 'off';
  auth.jwtSecret ||= DEV_JWT_SECRET;
  auth.adminPassword ||= DEV_ADMIN_PASSWORD;
  return new AppConfig(groups);
}

/** Loads `.env` from the working directory when there is one; real environment variables win. */
export function loadDotEnv(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}
