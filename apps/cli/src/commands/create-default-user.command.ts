import { Command, CommandRunner } from 'nest-commander';
import { CreateRequestContext, MikroORM } from '@mikro-orm/core';
import { AppConfig, retryWhileDatabaseUnavailable } from '@app/core';
import { DEFAULT_ADMIN_USERNAME, UserService } from '@app/identity';

@Command({ name: 'create-default-user', description: 'Make sure the staff user "admin" exists (password ADMIN_PASSWORD)' })
export class CreateDefaultUserCommand extends CommandRunner {
  constructor(
    private readonly orm: MikroORM,
    private readonly users: UserService,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async run(): Promise<void> {
    const created = await retryWhileDatabaseUnavailable(
      async () => {
        if (!(await this.orm.isConnected())) await this.orm.connect();
        return this.ensure();
      },
      { log: (line) => console.log(line) },
    );
    console.log(created ? `Created staff user "${DEFAULT_ADMIN_USERNAME}"` : `Staff user "${DEFAULT_ADMIN_USERNAME}" already exists`);
  }

  @CreateRequestContext()
  private ensure(): Promise<boolean> {
    return this.users.ensureDefaultAdmin(this.config.auth.adminPassword);
  }
}
