import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createConnection } from 'mysql2/promise';
import { freePort } from './free-port';

const MARIADBD = '/usr/sbin/mariadbd';
const INSTALL_DB = 'mariadb-install-db';

export interface PrivateMariaDb {
  port: number;
  /** `mysql://root@127.0.0.1:<port>` (root has no password; append `/<database>`). */
  url: string;
  /** Runs statements as root, in order, and returns the last one's rows. */
  query<T = unknown>(...statements: string[]): Promise<T>;
  stop(): Promise<void>;
}

/**
 * A mariadbd of the test's own (Debian's /usr/sbin/mariadbd), with a fresh data directory under
 * the system's temporary directory, on a free port and its own socket, with the binary log on and
 * `serverId`, so two of them can be a primary and its replica. `stop()` ends it and removes the
 * directory. Takes about 5 s (the data directory's initialisation).
 */
export async function startPrivateMariaDb(serverId: number): Promise<PrivateMariaDb> {
  const dir = mkdtempSync(join(tmpdir(), 'mariadb-'));
  const datadir = join(dir, 'data');
  // a temporary directory of its own: two bootstraps sharing /tmp removed each other's temporary tables
  const ownTmp = `--tmpdir=${join(dir, 'tmp')}`;
  mkdirSync(join(dir, 'tmp'));
  try {
    await promisify(execFile)(INSTALL_DB, [
      '--no-defaults',
      `--datadir=${datadir}`,
      '--auth-root-authentication-method=normal',
      '--skip-test-db',
      ownTmp,
    ]);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const port = await freePort();
  const child: ChildProcess = spawn(
    MARIADBD,
    [
      '--no-defaults',
      '--user=root',
      `--datadir=${datadir}`,
      ownTmp,
      `--port=${port}`,
      `--socket=${join(dir, 'mariadb.sock')}`,
      `--pid-file=${join(dir, 'mariadb.pid')}`,
      `--log-error=${join(dir, 'error.log')}`,
      '--bind-address=127.0.0.1',
      '--skip-name-resolve',
      `--server-id=${serverId}`,
      '--log-bin=mysql-bin',
      '--binlog-format=ROW',
      '--innodb-buffer-pool-size=32M',
    ],
    { stdio: 'ignore' },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  // a test process that ends without stop() (a hook's timeout, a crash) takes its server along
  const leftBehind = () => {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', leftBehind);
  const query = async <T>(...statements: string[]): Promise<T> => {
    const connection = await createConnection({ host: '127.0.0.1', port, user: 'root' });
    try {
      let rows: unknown;
      for (const statement of statements) [rows] = await connection.query(statement);
      return rows as T;
    } finally {
      await connection.end();
    }
  };
  const stop = async () => {
    process.off('exit', leftBehind);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  for (let attempt = 0; ; attempt++) {
    try {
      await query('select 1');
      break;
    } catch (error) {
      if (attempt >= 100 || child.exitCode !== null) {
        await stop();
        throw new Error(`mariadbd did not start on port ${port}: ${(error as Error).message}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return { port, url: `mysql://root@127.0.0.1:${port}`, query, stop };
}

/** Makes `replica` replicate `primary` from its first binary log event (GTID), and waits until it runs. */
export async function replicate(primary: PrivateMariaDb, replica: PrivateMariaDb): Promise<void> {
  await primary.query(
    `create user if not exists 'replication'@'%' identified by 'replication'`,
    `grant replication slave on *.* to 'replication'@'%'`,
  );
  await replica.query(
    `change master to master_host = '127.0.0.1', master_port = ${primary.port}, master_user = 'replication',
       master_password = 'replication', master_use_gtid = slave_pos`,
    'start slave',
  );
  await caughtUp(primary, replica);
}

/** Waits until `replica` has applied everything `primary` has written so far. */
export async function caughtUp(primary: PrivateMariaDb, replica: PrivateMariaDb, timeoutMs = 30_000): Promise<void> {
  const [{ position }] = await primary.query<{ position: string }[]>('select @@gtid_binlog_pos as position');
  const [{ reached }] = await replica.query<{ reached: number | null }[]>(
    `select master_gtid_wait('${position}', ${timeoutMs / 1000}) as reached`,
  );
  if (Number(reached) !== 0) throw new Error(`the replica did not reach ${position} in ${timeoutMs} ms`);
}
