import pino, { type DestinationStream, type Logger } from 'pino';
import { type AppConfig, Environment } from '../config/app-config';
import { readableLogStream } from './readable-log';

/** Never written to a log: credentials in headers and any field named like a password or token. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'password',
  '*.password',
  'accessToken',
  '*.accessToken',
  'refreshToken',
  '*.refreshToken',
];

/** Development logs are read by a person; every other environment's by a machine. */
export function writesReadableLogs(config: AppConfig): boolean {
  return config.environment === Environment.Development;
}

/**
 * The one pino logger of a process (API, worker, CLI): JSON lines, or with NODE_ENV=development
 * (the default when NODE_ENV is unset) one readable line per entry (`formatLogLine`). Writes to
 * standard output unless a test passes a stream to read the lines from.
 */
export function createAppLogger(config: AppConfig, destination: DestinationStream | null = null): Logger {
  const options = { level: config.log.level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
  if (writesReadableLogs(config)) return pino(options, readableLogStream(destination ?? process.stdout));
  return destination ? pino(options, destination) : pino(options);
}
