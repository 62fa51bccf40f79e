import { type AppConfig, loadConfig, loadDotEnv } from '../config/app-config';

/** What Node and the MySQL driver attach to the errors a failed start throws. */
interface SystemErrorFields {
  code?: string;
  syscall?: string;
  address?: string;
  port?: number;
  path?: string;
  hostname?: string;
  sqlMessage?: string;
  errors?: unknown[];
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN']);
const FILE_PROBLEMS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOENT: 'no such file or directory',
  EISDIR: 'is a directory',
  ENOTDIR: 'a parent is not a directory',
  EROFS: 'read-only file system',
};

function fieldsOf(error: unknown): SystemErrorFields & { message: string } {
  if (!(error instanceof Error)) return { message: String(error) };
  const fields = error as Error & SystemErrorFields;
  // Node reports a refused connection to "localhost" as one error per address it tried.
  if (!fields.code && Array.isArray(fields.errors) && fields.errors[0] instanceof Error) return fieldsOf(fields.errors[0]);
  return fields;
}

/** Which configured service listens at host:port, and the variable that points at it. */
function serviceAt(host: string | undefined, port: number | undefined, config: AppConfig | null): string | null {
  if (!config) return null;
  const services = [
    { url: config.db.url, defaultPort: '3306', name: 'the database', variable: 'DATABASE_URL' },
    { url: config.redis.url, defaultPort: '6379', name: 'Redis', variable: 'REDIS_URL' },
  ];
  for (const service of services) {
    const url = new URL(service.url);
    const samePort = String(port ?? '') === (url.port || service.defaultPort);
    if (samePort || (host && url.hostname === host)) return `${service.name} (${service.variable})`;
  }
  return null;
}

/**
 * One line that names why a process could not start and what to do about it: a port in use, a
 * database or Redis that cannot be reached, a file that cannot be read, a bad setting. Anything
 * else falls back to the first line of the error's message.
 */
export function describeStartupFailure(error: unknown, config: AppConfig | null = null): string {
  const fields = fieldsOf(error);
  const { code, syscall, port, address, path } = fields;
  if (code === 'EADDRINUSE') return `port ${port} is already in use: set PORT or stop the other process`;
  if (syscall === 'listen' && (code === 'EACCES' || code === 'EPERM'))
    return `port ${port} needs privileges this process does not have: set PORT to 1024 or above`;
  if (code && UNREACHABLE.has(code)) {
    const where = address ?? fields.hostname ?? 'the server';
    const target = port ? `${where}:${port}` : where;
    const service = serviceAt(address ?? fields.hostname, port, config);
    return service
      ? `cannot reach ${service} at ${target} (${code}): start it or fix the URL`
      : `cannot reach ${target} (${code}): check DATABASE_URL and REDIS_URL`;
  }
  if (code === 'ER_BAD_DB_ERROR')
    return `${fields.sqlMessage ?? fields.message}: run "npm run cli -- migrate" first (it creates the database)`;
  if (code === 'ER_ACCESS_DENIED_ERROR' || code === 'ER_DBACCESS_DENIED_ERROR')
    return `the database refused the credentials in DATABASE_URL: ${fields.sqlMessage ?? fields.message}`;
  if (code && path && FILE_PROBLEMS[code]) return `cannot ${syscall ?? 'access'} ${path}: ${FILE_PROBLEMS[code]} (${code})`;
  const message = fields.message.trim();
  if (error instanceof Error && error.name === 'ConfigError')
    return message.replace(/:?\s*\n\s*-?\s*/g, (match) => (match.startsWith(':') ? ': ' : '; '));
  return message.split('\n')[0] || 'unknown error';
}

/**
 * Writes the reason a process could not start to stderr, unbuffered, as one line, and exits 1.
 * Called after any failure from the moment the Nest application is created: the application
 * logger may still be buffering then, and `process.exit` would drop what it holds.
 */
export function exitOnStartupFailure(processName: string): (error: unknown) => never {
  return (error: unknown) => {
    let config: AppConfig | null = null;
    try {
      loadDotEnv();
      config = loadConfig();
    } catch {
      // a bad configuration is what the error itself says
    }
    process.stderr.write(`${processName} did not start: ${describeStartupFailure(error, config)}\n`);
    process.exit(1);
  };
}
