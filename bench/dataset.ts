/**
 * The bench database (`gym_bench`): seeded from scratch, or reused as it is with BENCH_SKIP_SEED=1
 * when it already holds the demo data, and the ids the endpoints are driven with, read from it.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import Redis from 'ioredis';
import type { Connection, RowDataPacket } from 'mysql2/promise';

const ROOT = join(__dirname, '..');
const SEED = ['--members', '300', '--feed-items', '12000', '--polls', '200'];
/** The feed page read 10,000 items deep needs that many items. */
const DEEP_OFFSET = 10_000;
/** The capacity of the lessons the bench creates for booking; demo lessons hold at most 20. */
export const BENCH_LESSON_CAPACITY = 1000;

/** Ids of the seeded data the read endpoints are driven with. */
export interface DataIds {
  /** The demo lesson with the most reservation records (bench lessons of earlier runs excluded). */
  busiestLessonId: number;
  /** Cursor of the feed page that starts 10,000 items deep. */
  deepFeedCursor: string;
  /** The car and day (YYYYMMDD) with the most loaded order lines: the fullest release sheet. */
  releaseSheet: { carId: number; ymd: string; rows: number };
}

const cli = (env: NodeJS.ProcessEnv, ...args: string[]) =>
  execFileSync(process.execPath, ['dist/apps/cli/apps/cli/src/main.js', ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  }).toString();

/** True when `database` already holds demo members, a deep enough feed, polls and cars. */
async function hasDemoData(db: Connection, database: string): Promise<boolean> {
  try {
    const [[counts]] = await db.query<RowDataPacket[]>(
      `select (select count(*) from ${database}.user where username like 'demo%') as members, (select count(*) from ${database}.feed) as feeds,
              (select count(*) from ${database}.poll) as polls, (select count(*) from ${database}.car) as cars`,
    );
    return Number(counts.members) > 0 && Number(counts.feeds) > DEEP_OFFSET && Number(counts.polls) > 0 && Number(counts.cars) > 0;
  } catch {
    return false; // no database or a missing table
  }
}

/**
 * Drops and seeds `database`, or keeps it when `reuse` is asked for and it has the data. Runs the
 * migrations and creates the staff user either way. Returns whether it seeded.
 */
export async function prepareDatabase(db: Connection, database: string, env: NodeJS.ProcessEnv, reuse: boolean): Promise<boolean> {
  const seed = !(reuse && (await hasDemoData(db, database)));
  if (seed) await db.query(`drop database if exists ${database}`);
  console.log(seed ? 'seeding…' : `reusing ${database} (BENCH_SKIP_SEED)`);
  cli(env, 'migrate');
  cli(env, 'create-default-user');
  if (seed) console.log(cli(env, 'seed-demo', ...SEED).trim());
  await db.changeUser({ database });
  return seed;
}

export async function dataIds(db: Connection): Promise<DataIds> {
  const [[busiest]] = await db.query<RowDataPacket[]>(
    `select r.lesson_id as id from reservation r join lesson l on l.id = r.lesson_id
      where l.max_capacity < ? group by r.lesson_id order by count(*) desc, r.lesson_id limit 1`,
    [BENCH_LESSON_CAPACITY],
  );
  const [[deep]] = await db.query<RowDataPacket[]>('select id from feed order by id desc limit 1 offset ?', [DEEP_OFFSET]);
  const [[sheet]] = await db.query<RowDataPacket[]>(
    `select p.car_id as carId, o.ymd, count(*) as \`rows\` from order_list o join pallet p on p.id = o.pallet_id
      group by p.car_id, o.ymd order by count(*) desc, p.car_id, o.ymd limit 1`,
  );
  if (!busiest || !deep || !sheet) throw new Error('the bench database lacks reservations, a feed 10,000 items deep or loaded order lines');
  return {
    busiestLessonId: Number(busiest.id),
    deepFeedCursor: Buffer.from(JSON.stringify([deep.id])).toString('base64url'),
    releaseSheet: { carId: Number(sheet.carId), ymd: String(sheet.ymd), rows: Number(sheet.rows) },
  };
}

/**
 * Empties the bench's own Redis database: no worker runs during the bench, so every
 * `POST /emails` leaves a job there (3,000 a run), and a growing queue would skew the next run.
 */
export async function clearQueues(redisUrl: string): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    await redis.flushdb();
  } finally {
    redis.disconnect();
  }
}
