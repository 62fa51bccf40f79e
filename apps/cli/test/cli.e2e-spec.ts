import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createConnection } from 'mysql2/promise';
import { indexViews, readIndexFile } from '@app/recommend';
import { TcpProxy, TEST_DATABASE_PREFIX, testServerUrl } from '@app/testing';

const run = promisify(execFile);
const workerId = process.env.JEST_WORKER_ID ?? '1';
const scratchDb = `${TEST_DATABASE_PREFIX}cli_${workerId}`;

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI entry point from source, as `npm run cli -- …` runs it from dist. */
async function cli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/cli/src/main.ts', ...args],
      { env: { ...process.env, DATABASE_URL: `${testServerUrl()}/${scratchDb}`, ...env }, timeout: 60_000 },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

async function withServer<T>(fn: (query: (sql: string) => Promise<unknown[]>) => Promise<T>): Promise<T> {
  const url = new URL(testServerUrl());
  const connection = await createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: url.username || 'root',
    password: url.password,
  });
  try {
    return await fn(async (sql) => (await connection.query(sql))[0] as unknown[]);
  } finally {
    await connection.end();
  }
}

describe('admin CLI (e2e)', () => {
  beforeAll(() => withServer((query) => query(`DROP DATABASE IF EXISTS \`${scratchDb}\``)));
  afterAll(() => withServer((query) => query(`DROP DATABASE IF EXISTS \`${scratchDb}\``)));

  it('shows the real invocation in its usage', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run cli -- <command> \[options\]$/m);
    expect(help.stdout).toMatch(/^ {2}seed-demo \[options\]/m);
    const commandHelp = await cli(['seed-demo', '--help']);
    expect(commandHelp.stdout).toMatch(/^Usage: npm run cli -- seed-demo \[options\]$/m);
  });

  it('names an unknown command once, with a failing exit code', async () => {
    const result = await cli(['frobnicate']);
    expect(result.code).toBe(1);
    expect(result.stderr.match(/unknown command 'frobnicate'/g)).toEqual(["unknown command 'frobnicate'"]);
    expect(result.stderr).toContain('Run "npm run cli -- --help" to list the commands.');
    expect(result.stdout).toBe('');
  });

  it('refuses arguments a command does not take, doing nothing', async () => {
    const result = await cli(['migrate', 'now', 'please'], { DATABASE_URL: 'mysql://root@127.0.0.1:1/gym' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/too many arguments for 'migrate'\. Expected 0 arguments but got 2\./);
    expect(result.stdout).toBe('');
  });

  it('wait-for-db succeeds when MySQL and Redis are up', async () => {
    const result = await cli(['wait-for-db', '--timeout', '10']);
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toMatch(/MySQL is up[\s\S]*Redis is up/);
  });

  it('wait-for-db gives up with a clear message and a failing exit code', async () => {
    const result = await cli(['wait-for-db', '--timeout', '1'], { DATABASE_URL: 'mysql://root@127.0.0.1:1/gym' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Gave up after 1s waiting for MySQL \(connect ECONNREFUSED 127\.0\.0\.1:1\)/);
  });

  it('refuses a bad configuration value with its name, failing', async () => {
    const result = await cli(['wait-for-db'], { PORT: 'eighty' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/PORT/);
  });

  it('migrate creates the missing database, applies every migration, and is a no-op the second time', async () => {
    const first = await cli(['migrate']);
    expect(first).toMatchObject({ code: 0 });
    expect(first.stdout).toMatch(/Applied Migration\d+_identity/);
    const tables = await withServer((query) =>
      query(`select table_name from information_schema.tables where table_schema = '${scratchDb}'`),
    );
    expect(tables.length).toBeGreaterThanOrEqual(3);
    const second = await cli(['migrate']);
    expect(second.stdout).toMatch(/Already up to date/);
  });

  it('in development, the migrator logs through the same readable format as the API and the worker', async () => {
    const logDb = `${scratchDb}_log`;
    try {
      const result = await cli(['migrate'], { NODE_ENV: 'development', LOG_LEVEL: 'info', DATABASE_URL: `${testServerUrl()}/${logDb}` });
      expect(result).toMatchObject({ code: 0 });
      const logLines = result.stdout.split('\n').filter((line) => line.includes('[migrator]'));
      expect(logLines.length).toBeGreaterThan(0);
      for (const line of logLines)
        expect(line).toMatch(/^\d\d:\d\d:\d\d\.\d{3} INFO {2}\[MikroORM\] \[migrator\] (Processing|Applied) '\w+'$/);
    } finally {
      await withServer((query) => query(`DROP DATABASE IF EXISTS \`${logDb}\``));
    }
  });

  it('create-default-user creates admin once, as staff, and is idempotent', async () => {
    const first = await cli(['create-default-user'], { ADMIN_PASSWORD: 'first-password' });
    expect(first).toMatchObject({ code: 0 });
    expect(first.stdout).toMatch(/Created staff user "admin"/);
    const second = await cli(['create-default-user'], { ADMIN_PASSWORD: 'other-password' });
    expect(second.stdout).toMatch(/already exists/);
    const admins = (await withServer((query) =>
      query(`select is_staff as isStaff from \`${scratchDb}\`.\`user\` where username = 'admin'`),
    )) as { isStaff: number }[];
    expect(admins).toEqual([{ isStaff: 1 }]);
  });

  it('migrate and create-default-user retry a database that drops their first connections, as a starting container saw', async () => {
    const server = new URL(testServerUrl());
    const proxy = await new TcpProxy(Number(server.port || 3306)).start();
    try {
      server.hostname = '127.0.0.1';
      server.port = String(proxy.port);
      const viaProxy = { DATABASE_URL: `${server.href.replace(/\/$/, '')}/${scratchDb}` };
      for (const command of ['migrate', 'create-default-user']) {
        proxy.dropNext(2);
        const result = await cli([command], viaProxy);
        expect({ command, code: result.code, stderr: result.stderr }).toEqual({ command, code: 0, stderr: expect.any(String) });
        expect(result.stdout).toMatch(/MySQL unavailable .*; attempt 2 of \d+ in \d+ ms/);
      }
    } finally {
      await proxy.cut();
    }
  });

  it('seed-demo fills a consistent gym through the real services, says so per domain, builds the index, and only once', async () => {
    const indexDirectory = await mkdtemp(join(tmpdir(), 'gym-cli-seed-'));
    const indexPath = join(indexDirectory, 'feed-index.bin');
    const first = await cli(['seed-demo', '--members', '20', '--feed-items', '300', '--polls', '30', '--seed', '7'], {
      RECOMMEND_INDEX_PATH: indexPath,
    });
    expect(first).toMatchObject({ code: 0 });
    const startedSteps = first.stdout.split('\n').filter((line) => line.endsWith('…'));
    expect(startedSteps.map((line) => line.split(':')[0])).toEqual(['Gym', 'Feed', 'Polls', 'Release', 'Recommendation index']);
    expect(first.stdout).toMatch(
      /Indexed 300 feed items \(\d+ dimensions, [\d.]+ MiB\) in \d+ ms → .*feed-index\.bin \([\d.]+ s\)\nDone in/,
    );
    expect((await readIndexFile(indexPath)).layout.count).toBe(300);
    await rm(indexDirectory, { recursive: true, force: true });
    expect(first.stdout).toMatch(/Seeded 20 members, 5 price policies, \d+ lessons, \d+ purchases, \d+ bookings/);
    expect(first.stdout).toMatch(/Seeded 300 feed items, \d+ likes, \d+ joins/);
    expect(first.stdout).toMatch(/Seeded 30 polls, \d+ votes/);
    expect(first.stdout).toMatch(/Seeded 5 cars with 34 pallets, 420 order lines over 7 days \(\d+ loaded\)/);
    const [seats, buckets, members] = await withServer(async (query) => [
      await query(`select count(*) as wrong from \`${scratchDb}\`.lesson l
                    where l.reserved_count <> (select count(*) from \`${scratchDb}\`.reservation r where r.lesson_id = l.id and r.active_flag = 1)
                       or l.reserved_count > l.max_capacity`),
      await query(`select count(*) as wrong from (select p.count as granted, p.count + coalesce(sum(m.count), 0) as left_over
                      from \`${scratchDb}\`.credit p left join \`${scratchDb}\`.credit m on m.purchase_id = p.id
                     where p.type in ('purchase', 'grant') group by p.id, p.count) b where b.left_over < 0 or b.left_over > b.granted`),
      await query(`select count(*) as total from \`${scratchDb}\`.user where username like 'demo%'`),
    ]);
    expect([seats, buckets, members]).toEqual([[{ wrong: 0 }], [{ wrong: 0 }], [{ total: 20 }]]);
    const counters = await withServer((query) =>
      query(`select count(*) as wrong from \`${scratchDb}\`.feed f
              where f.like_count <> (select count(*) from \`${scratchDb}\`.feed_like l where l.feed_id = f.id)
                 or f.joined_count <> (select count(*) from \`${scratchDb}\`.feed_join j where j.feed_id = f.id)
                 or (f.dtype = 'post' and f.joined_count > 0)`),
    );
    expect(counters).toEqual([{ wrong: 0 }]);
    const doubleVotes = await withServer((query) =>
      query(`select count(*) as wrong from (select v.poll_id, v.owner_id from \`${scratchDb}\`.poll_vote v join \`${scratchDb}\`.poll p on p.id = v.poll_id
              where p.is_multiple_vote = 0 group by v.poll_id, v.owner_id having count(*) > 1) d`),
    );
    expect(doubleVotes).toEqual([{ wrong: 0 }]);
    const release = await withServer((query) =>
      query(`select (select count(*) from \`${scratchDb}\`.car c
                      where (select count(*) from \`${scratchDb}\`.pallet p where p.car_id = c.id)
                         <> (select max(p.seq) from \`${scratchDb}\`.pallet p where p.car_id = c.id)) as badPallets,
                    (select count(distinct ymd) from \`${scratchDb}\`.order_list) as days,
                    (select count(*) from \`${scratchDb}\`.order_list where pallet_id is not null) > 0 as anyLoaded`),
    );
    expect(release).toEqual([{ badPallets: 0, days: 7, anyLoaded: 1 }]);
    const second = await cli(['seed-demo', '--members', '20']);
    expect(second.stdout).toMatch(/already there/);
  });

  it('rebuild-index indexes every feed item into one new file, then exits', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'gym-cli-index-'));
    try {
      const path = join(directory, 'var', 'feed-index.bin');
      const started = Date.now();
      const result = await cli(['rebuild-index'], { RECOMMEND_INDEX_PATH: path, RECOMMEND_DIMENSION: '128' });
      expect(result).toMatchObject({ code: 0 });
      expect(result.stdout).toMatch(/Indexed 300 feed items \(128 dimensions, [\d.]+ MiB\) in \d+ ms/);
      const index = await readIndexFile(path);
      expect(index.layout).toMatchObject({ count: 300, dimension: 128 });
      expect(index.layout.builtAt).toBeGreaterThanOrEqual(started);
      const ids = Array.from(indexViews(index).ids);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      const [{ total }] = (await withServer((query) => query(`select count(*) as total from \`${scratchDb}\`.feed`))) as {
        total: number;
      }[];
      expect(ids).toHaveLength(total);
      expect(await readdir(join(directory, 'var'))).toEqual(['feed-index.bin']);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  it('seed-demo refuses a bad option with a message and a failing exit code', async () => {
    const result = await cli(['seed-demo', '--members', 'lots']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/--members must be a whole number/);
  });

  it('expire-credits runs against the migrated database and reports what it wrote', async () => {
    const result = await cli(['expire-credits']);
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toMatch(/Nothing to expire/);
  });
});
