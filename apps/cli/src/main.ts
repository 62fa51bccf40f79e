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
    // commander has already written its message (unknown command or option, too many arguments)
    // or the help; --help and --version arrive here too, with exit code 0
    process.exitCode = (error as Error & { exitCode?: number }).exitCode ?? 1;
  },
}).catch(fail);
