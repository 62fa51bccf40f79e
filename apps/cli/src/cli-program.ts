import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { type CommandRunner, InjectCommander } from 'nest-commander';

/** commander's Command, as nest-commander hands it over (the CLI does not depend on commander itself). */
type Command = Parameters<CommandRunner['setCommand']>[0];

/** How the CLI is invoked: what `--help` and every usage line show. */
export const CLI_INVOCATION = 'npm run cli --';

/**
 * The finishing touches nest-commander leaves to commander, applied once every command is
 * registered (nest-commander registers them in `onModuleInit`): usage lines that show the real
 * invocation, and commands that refuse arguments they do not take (commander 11 ignores them).
 */
@Injectable()
export class CliProgram implements OnApplicationBootstrap {
  constructor(@InjectCommander() private readonly program: Command) {}

  onApplicationBootstrap(): void {
    this.program
      .name(CLI_INVOCATION)
      .usage('<command> [options]')
      .addHelpText('after', `\nRun "${CLI_INVOCATION} <command> --help" for a command's options.`)
      .showHelpAfterError(`Run "${CLI_INVOCATION} --help" to list the commands.`);
    for (const command of this.program.commands) {
      command.allowExcessArguments(false).showHelpAfterError(`Run "${CLI_INVOCATION} ${command.name()} --help" for its usage.`);
    }
  }
}
