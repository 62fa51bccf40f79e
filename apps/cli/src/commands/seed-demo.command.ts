import { Command, CommandRunner, Option } from 'nest-commander';
import { MikroORM, RequestContext } from '@mikro-orm/core';
import { FeedDemoSeeder } from '@app/feed';
import { DEMO_DEFAULT_MEMBERS, DEMO_DEFAULT_SEED, DEMO_FIRST_USERNAME, DEMO_PASSWORD, GymDemoSeeder } from '@app/gym';
import { UserService } from '@app/identity';
import { PollDemoSeeder } from '@app/poll';
import { FeedIndexBuilder } from '@app/recommend';
import { ReleaseDemoSeeder } from '@app/release';
import { describeIndexBuild } from './index-summary';

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

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

@Command({
  name: 'seed-demo',
  description: `Fill an empty gym with demo members (demo0001…, password "${DEMO_PASSWORD}"), memberships, a month of lessons and bookings, a feed, polls, a week of release sheets, then the recommendation index`,
})
export class SeedDemoCommand extends CommandRunner {
  constructor(
    private readonly orm: MikroORM,
    private readonly seeder: GymDemoSeeder,
    private readonly feedSeeder: FeedDemoSeeder,
    private readonly pollSeeder: PollDemoSeeder,
    private readonly releaseSeeder: ReleaseDemoSeeder,
    private readonly users: UserService,
    private readonly indexBuilder: FeedIndexBuilder,
  ) {
    super();
  }

  async run(_args: string[], options: SeedDemoOptions): Promise<void> {
    if (!(await this.orm.isConnected())) await this.orm.connect();
    const started = performance.now();
    let seeded = false;
    /** Runs one domain's seeder between a line that says what starts and one that says what it made. */
    const step = async <T>(label: string, seed: () => Promise<T | null>, describe: (result: T) => string): Promise<T | null> => {
      console.log(`${label}…`);
      const stepStarted = performance.now();
      const result = await seed();
      seeded ||= result !== null;
      console.log(`  ${result === null ? 'already there, skipped' : describe(result)} (${seconds(stepStarted)})`);
      return result;
    };

    await step(
      'Gym: members, price policies, lessons, purchases and bookings',
      () => this.seeder.seed(options),
      (gym) =>
        `Seeded ${gym.members} members, ${gym.policies} price policies, ${gym.lessons} lessons, ${gym.purchases} purchases, ` +
        `${gym.bookings} bookings, ${gym.cancellations} cancellations (${gym.refusals} refused)`,
    );
    const authorIds = await RequestContext.create(this.orm.em.fork(), () => this.users.idsByUsernamePrefix('demo'));
    await step(
      'Feed: posts, games and teams with likes and joins',
      () => this.feedSeeder.seed({ authorIds, items: options.feedItems, seed: options.seed }),
      (feed) => `Seeded ${feed.items} feed items, ${feed.likes} likes, ${feed.joins} joins`,
    );
    await step(
      'Polls: polls and votes',
      () => this.pollSeeder.seed({ memberIds: authorIds, polls: options.polls, seed: options.seed }),
      (polls) => `Seeded ${polls.polls} polls, ${polls.votes} votes`,
    );
    await step(
      'Release: cars, pallets and a week of order lines',
      () => this.releaseSeeder.seed({ seed: options.seed }),
      (release) =>
        `Seeded ${release.cars} cars with ${release.pallets} pallets, ${release.orders} order lines over ${release.days} days (${release.loaded} loaded)`,
    );
    if (!seeded) {
      console.log(`Demo data is already there (user "${DEMO_FIRST_USERNAME}" exists); nothing changed`);
      return;
    }
    // similar items answer from this file: without it they stay 503 until the worker's next rebuild
    await step('Recommendation index: the feed as vectors for similar items', () => this.indexBuilder.rebuild(), describeIndexBuild);
    console.log(`Done in ${seconds(started)}`);
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
