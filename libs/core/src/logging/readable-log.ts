import type { DestinationStream } from 'pino';

/** Nest's start-up inventory (a line per module and route): left out of the readable format. */
const START_UP_CONTEXTS = new Set(['NestFactory', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer']);

const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

/** The fields of a pino line this format reads; anything else is left out. */
interface LogEntry {
  level?: number;
  time?: number;
  msg?: string;
  context?: string;
  requestId?: string;
  statements?: number;
  responseTime?: number;
  req?: { method?: string; url?: string };
  res?: { statusCode?: number };
  err?: { message?: string; stack?: string };
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

function clock(time: number | undefined): string {
  const at = new Date(time ?? Date.now());
  return `${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}.${pad(at.getMilliseconds(), 3)}`;
}

/**
 * One pino JSON line as a person reads it. A request:
 * `09:35:12.345 INFO  GET /lessons?limit=20 200 12 ms req=3f2a… sql=2`; anything else:
 * `09:35:12.345 INFO  [Bootstrap] API listening on …`, an error's stack on the lines after it.
 * Headers and bodies are never shown. A line that is not JSON is passed through. Nest's start-up
 * inventory at info level is left out (null): ninety lines that bury the ones that matter.
 */
export function formatLogLine(line: string): string | null {
  let entry: LogEntry;
  try {
    entry = JSON.parse(line) as LogEntry;
  } catch {
    return line.replace(/\n$/, '');
  }
  const head = `${clock(entry.time)} ${(LEVELS[entry.level ?? 30] ?? 'INFO').padEnd(5)}`;
  if (entry.req && entry.res) {
    const request = [entry.req.method, entry.req.url, entry.res.statusCode, `${entry.responseTime ?? '?'} ms`];
    if (entry.requestId) request.push(`req=${entry.requestId}`);
    if (typeof entry.statements === 'number') request.push(`sql=${entry.statements}`);
    return `${head} ${request.join(' ')}`;
  }
  if (entry.context && START_UP_CONTEXTS.has(entry.context) && (entry.level ?? 30) <= 30) return null;
  const context = entry.context ? `[${entry.context}] ` : '';
  const stack = entry.err?.stack ? `\n${entry.err.stack}` : '';
  return `${head} ${context}${entry.msg ?? ''}${stack}`;
}

/** A pino destination that writes `formatLogLine` of every line to `target`, synchronously. */
export function readableLogStream(target: { write(text: string): unknown } = process.stdout): DestinationStream {
  return {
    write: (line: string) => {
      const text = formatLogLine(line);
      if (text !== null) target.write(`${text}\n`);
    },
  };
}
