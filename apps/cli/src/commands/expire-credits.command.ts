import { Command, CommandRunner } from 'nest-commander';
import { MikroORM } from '@mikro-orm/core';
import { CreditExpiryService } from '@app/gym';

@Command({ name: 'expire-credits', description: 'Write expire entries for what remains of purchases past their end date (idempotent)' })
export class ExpireCreditsCommand extends CommandRunner {
  constructor(
    private readonly orm: MikroORM,
    private readonly expiry: CreditExpiryService,
  ) {
    super();
  }

  async run(): Promise<void> {
    if (!(await this.orm.isConnected())) await this.orm.connect();
    const written = await this.expiry.expireDue();
    console.log(written ? `Expired ${written} purchase(s)` : 'Nothing to expire');
  }
}
