import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { createAppLogger, loadConfig, loadDotEnv, PinoNestLogger } from '@app/core';
import { CliModule } from './cli.module';

function fail(error: Error): void {
  console.error(`error: ${error.message}`);
  process.exitCode = 1;
}

/** The same logger and format as the API and the worker (readable in development, JSON otherwise). */
function cliLogger(): PinoNestLogger {
  loadDotEnv();
  return new PinoNestLogger(createAppLogger(loadConfig()));
}

async function main(): Promise<void> {
  await CommandFactory.run(CliModule, {
    logger: cliLogger(),
    serviceErrorHandler: fail,
    errorHandler: (error) => {
      // commander has already written its message (unknown command or option, too many arguments)
      // or the help; --help and --version arrive here too, with exit code 0
      process.exitCode = (error as Error & { exitCode?: number }).exitCode ?? 1;
    },
  });
}

main().catch(fail);
