import type { LoggerService } from '@nestjs/common';
import type { Logger } from 'pino';

/** Nest's own start-up chatter, which a command-line tool does not show below a warning. */
const START_UP_CONTEXTS = new Set(['NestFactory', 'InstanceLoader']);

/**
 * Nest's `LoggerService` over the process's pino logger, for the processes that have no HTTP
 * (the CLI): the same levels, contexts and format as the API and the worker.
 */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly pino: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    const context = this.contextOf(params);
    if (context && START_UP_CONTEXTS.has(context)) return;
    this.pino.info({ context }, String(message));
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.pino.warn({ context: this.contextOf(params) }, String(message));
  }

  error(message: unknown, ...params: unknown[]): void {
    const context = this.contextOf(params);
    const stack = params.find((param): param is string => typeof param === 'string' && param !== context && param.includes('\n'));
    if (message instanceof Error) this.pino.error({ context, err: message }, message.message);
    else this.pino.error({ context, ...(stack ? { err: { stack } } : {}) }, String(message));
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.pino.debug({ context: this.contextOf(params) }, String(message));
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.pino.trace({ context: this.contextOf(params) }, String(message));
  }

  /** Nest passes the context as the last parameter. */
  private contextOf(params: unknown[]): string | undefined {
    const last = params.at(-1);
    return typeof last === 'string' ? last : undefined;
  }
}
