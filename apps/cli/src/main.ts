import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { CliModule } from './cli.module';

function fail(error: Error): void {
  console.error(`error: ${error.message}`);
  process.exitCode = 1;
}

CommandFactory.run(CliModule, {
  logger: ['warn', 'error'],
  serviceErrorHandler: fail,
  errorHandler: (error) => {
    // commander reports --help and --version as errors with exit code 0
    const exitCode = (error as Error & { exitCode?: number }).exitCode ?? 1;
    process.exitCode = exitCode;
    if (exitCode !== 0) console.error(error.message);
  },
}).catch(fail);
