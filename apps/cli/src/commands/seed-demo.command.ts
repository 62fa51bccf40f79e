import { Command, CommandRunner, Option } from 'nest-commander';
import { MikroORM, RequestContext } from '@mikro-orm/core';
import { FeedDemoSeeder } from '@app/feed';
import { DEMO_DEFAULT_MEMBERS, DEMO_DEFAULT_SEED, DEMO_FIRST_USERNAME, DEMO_PASSWORD, GymDemoSeeder } from '@app/gym';
import { UserService } from '@app/identity';
import { PollDemoSeeder } from '@app/poll';
import { ReleaseDemoSeeder } from '@app/release';

interface SeedDemoOptions {
  members: number;
  feedItems: number;
  polls: number;
  seed: number;
}

const DEFAULT_FEED_ITEMS = 3000;
const DEFAULT_POLLS = 200;

function parseInteger(flag: string, value: string, min: number, max: number): number {
  const number = Number(value);
  if (!/^\d+$/.test(value.trim()) || number < min || number > max)
    throw new Error(`${flag} must be a whole number from ${min} to ${max}, got "${value}"`);
  return number;
}

@Command({
  name: 'seed-demo',
  description: `Fill an empty gym with demo members (demo0001…, password "${DEMO_PASSWORD}"), memberships, a month of lessons and bookings, a feed, polls, and a week of release sheets`,
})
export class SeedDemoCommand extends CommandRunner {
  constructor(
    private readonly orm: MikroORM,
    private readonly seeder: GymDemoSeeder,
    private readonly feedSeeder: FeedDemoSeeder,
    private readonly pollSeeder: PollDemoSeeder,
    private readonly releaseSeeder: ReleaseDemoSeeder,
    private readonly users: UserService,
  ) {
    super();
  }

  async run(_args: string[], options: SeedDemoOptions): Promise<void> {
    if (!(await this.orm.isConnected())) await this.orm.connect();
    const started = performance.now();
    const gym = await this.seeder.seed(options);
    const authorIds = await RequestContext.create(this.orm.em.fork(), () => this.users.idsByUsernamePrefix('demo'));
    const feed = await this.feedSeeder.seed({ authorIds, items: options.feedItems, seed: options.seed });
    const polls = await this.pollSeeder.seed({ memberIds: authorIds, polls: options.polls, seed: options.seed });
    const release = await this.releaseSeeder.seed({ seed: options.seed });
    if (!gym && !feed && !polls && !release) {
      console.log(`Demo data is already there (user "${DEMO_FIRST_USERNAME}" exists); nothing changed`);
      return;
    }
    if (gym) {
      console.log(
        `Seeded ${gym.members} members, ${gym.policies} price policies, ${gym.lessons} lessons, ${gym.purchases} purchases, ` +
          `${gym.bookings} bookings, ${gym.cancellations} cancellations (${gym.refusals} refused)`,
      );
    }
    if (feed) console.log(`Seeded ${feed.items} feed items, ${feed.likes} likes, ${feed.joins} joins`);
    if (polls) console.log(`Seeded ${polls.polls} polls, ${polls.votes} votes`);
    if (release) {
      console.log(
        `Seeded ${release.cars} cars with ${release.pallets} pallets, ${release.orders} order lines over ${release.days} days (${release.loaded} loaded)`,
      );
    }
    console.log(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }

  @Option({ flags: '-m, --members <count>', description: 'How many demo members to create', defaultValue: DEMO_DEFAULT_MEMBERS })
  parseMembers(value: string): number {
    return parseInteger('--members', value, 1, 9999);
  }

  @Option({ flags: '-f, --feed-items <count>', description: 'How many feed items to create', defaultValue: DEFAULT_FEED_ITEMS })
  parseFeedItems(value: string): number {
    return parseInteger('--feed-items', value, 0, 1_000_000);
  }

  @Option({ flags: '-p, --polls <count>', description: 'How many polls to create', defaultValue: DEFAULT_POLLS })
  parsePolls(value: string): number {
    return parseInteger('--polls', value, 0, 100_000);
  }

  @Option({
    flags: '-s, --seed <number>',
    description: 'Seed of the pseudo-random generator (same seed, same data)',
    defaultValue: DEMO_DEFAULT_SEED,
  })
  parseSeed(value: string): number {
    return parseInteger('--seed', value, 0, 2 ** 32 - 1);
  }
}
