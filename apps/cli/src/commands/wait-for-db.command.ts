import { Command, CommandRunner, Option } from 'nest-commander';
import { AppConfig, waitForDependencies } from '@app/core';

interface WaitForDbOptions {
  timeout: number;
}

@Command({ name: 'wait-for-db', description: 'Wait until MySQL and Redis accept connections' })
export class WaitForDbCommand extends CommandRunner {
  constructor(private readonly config: AppConfig) {
    super();
  }

  async run(_args: string[], options: WaitForDbOptions): Promise<void> {
    await waitForDependencies({
      databaseUrl: this.config.db.url,
      redisUrl: this.config.redis.url,
      timeoutSeconds: options.timeout,
      log: (line) => console.log(line),
    });
  }

  @Option({ flags: '-t, --timeout <seconds>', description: 'Give up after this many seconds', defaultValue: 60 })
  parseTimeout(value: string): number {
    const seconds = Number(value);
    if (!Number.isFinite(seconds) || seconds < 0) throw new Error(`--timeout must be a number of seconds, got "${value}"`);
    return seconds;
  }
}
