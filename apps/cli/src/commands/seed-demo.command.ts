import { Command, CommandRunner, Option } from 'nest-commander';
import { MikroORM } from '@mikro-orm/core';
import { DEMO_DEFAULT_MEMBERS, DEMO_DEFAULT_SEED, DEMO_FIRST_USERNAME, DEMO_PASSWORD, GymDemoSeeder } from '@app/gym';

interface SeedDemoOptions {
  members: number;
  seed: number;
}

function parseInteger(flag: string, value: string, min: number, max: number): number {
  const number = Number(value);
  if (!/^\d+$/.test(value.trim()) || number < min || number > max) throw new Error(`${flag} must be a whole number from ${min} to ${max}, got "${value}"`);
  return number;
}

@Command({
  name: 'seed-demo',
  description: `Fill an empty gym with demo members (demo0001…, password "${DEMO_PASSWORD}"), memberships, a month of lessons and bookings`,
})
export class SeedDemoCommand extends CommandRunner {
  constructor(
    private readonly orm: MikroORM,
    private readonly seeder: GymDemoSeeder,
  ) {
    super();
  }

  async run(_args: string[], options: SeedDemoOptions): Promise<void> {
    if (!(await this.orm.isConnected())) await this.orm.connect();
    const started = performance.now();
    const summary = await this.seeder.seed(options);
    if (!summary) {
      console.log(`Demo data is already there (user "${DEMO_FIRST_USERNAME}" exists); nothing changed`);
      return;
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `Seeded ${summary.members} members, ${summary.policies} price policies, ${summary.lessons} lessons, ${summary.purchases} purchases, ` +
        `${summary.bookings} bookings, ${summary.cancellations} cancellations (${summary.refusals} refused) in ${seconds} s`,
    );
  }

  @Option({ flags: '-m, --members <count>', description: 'How many demo members to create', defaultValue: DEMO_DEFAULT_MEMBERS })
  parseMembers(value: string): number {
    return parseInteger('--members', value, 1, 9999);
  }

  @Option({ flags: '-s, --seed <number>', description: 'Seed of the pseudo-random generator (same seed, same data)', defaultValue: DEMO_DEFAULT_SEED })
  parseSeed(value: string): number {
    return parseInteger('--seed', value, 0, 2 ** 32 - 1);
  }
}
