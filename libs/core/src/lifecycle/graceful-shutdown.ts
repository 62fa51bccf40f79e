import { Logger } from '@nestjs/common';

interface Closable {
  close(): Promise<void>;
}

/**
 * On SIGTERM or SIGINT: close the application (stop taking work, finish what is in hand, close
 * pools), then exit 0; exit 1 if closing fails or takes longer than `timeoutMs`.
 */
export function closeOnSignals(app: Closable, name: string, timeoutMs = 30_000): void {
  const logger = new Logger(name);
  let closing = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    logger.log(`${signal} received: finishing work in hand, then exiting`);
    const timer = setTimeout(() => {
      logger.error(`Still closing after ${timeoutMs} ms; exiting anyway`);
      process.exit(1);
    }, timeoutMs);
    timer.unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error(`Closing failed: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}
