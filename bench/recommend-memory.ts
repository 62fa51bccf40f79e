/**
 * Memory evidence for the recommendation index: one copy of the index in shared memory serves any
 * number of search threads.
 *
 *   npm run bench:recommend-memory [-- --vectors 1000000 --dimension 256 --dir /tmp]
 *
 * Writes a synthetic index (default 1,000,000 × 256 float32 ≈ 1.02 GB) with the same writer as
 * the builder, then in fresh child processes loads it the way the API does and reports the
 * resident memory after a search ran in every thread: pools of 1 and 4 threads on the shared
 * buffer, and 4 threads that each copy the buffer (what not sharing would cost). Prints a Markdown
 * table and deletes the synthetic file. Not a test: it needs ~6 GB of RAM and a minute or two.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { indexViews, readIndexFile } from '../libs/recommend/src/index-file/index-file.reader';
import { writeIndexFile } from '../libs/recommend/src/index-file/index-file.writer';
import { runChild, type ChildReport } from './recommend-memory.child';
import { syntheticRows } from './synthetic-index';

const MiB = 1024 * 1024;

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

async function measure(path: string, mode: 'shared' | 'copy', threads: number): Promise<ChildReport> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--expose-gc', '-r', 'ts-node/register/transpile-only', __filename, '--child', mode, String(threads), path],
    { maxBuffer: MiB, timeout: 600_000 },
  );
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as ChildReport;
}

async function main(): Promise<void> {
  const vectors = Number(option('vectors', '1000000'));
  const dimension = Number(option('dimension', '256'));
  const directory = await mkdtemp(join(option('dir', tmpdir()), 'gym-recommend-bench-'));
  const path = join(directory, 'feed-index.bin');
  try {
    const started = performance.now();
    const layout = await writeIndexFile(path, {
      dimension,
      builtAt: Date.now(),
      ids: Uint32Array.from({ length: vectors }, (_, i) => i + 1),
      rows: syntheticRows(vectors, dimension),
    });
    const check = indexViews(await readIndexFile(path)).ids;
    if (check.length !== vectors || check[vectors - 1] !== vectors) throw new Error('The synthetic index did not read back');
    const size = layout.byteLength;
    console.error(
      `Wrote ${(size / MiB).toFixed(0)} MiB (${vectors} × ${dimension}) in ${((performance.now() - started) / 1000).toFixed(1)} s; measuring…`,
    );

    const one = await measure(path, 'shared', 1);
    const four = await measure(path, 'shared', 4);
    const copies = await measure(path, 'copy', 4);
    const row = (name: string, report: ChildReport) =>
      `| ${name} | ${report.threads} | ${(report.rss / MiB).toFixed(0)} | ${((report.rss - one.rss) / MiB).toFixed(0)} | ${(((report.rss - one.rss) / size) * 100).toFixed(1)} % | ${report.searchMs.toFixed(0)} |`;
    const growth = (four.rss - one.rss) / size;
    console.log(
      `Index: ${vectors.toLocaleString('en')} vectors × ${dimension} dims float32 = ${(size / MiB).toFixed(0)} MiB (${size.toLocaleString('en')} bytes)`,
    );
    console.log(
      `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB RAM, Node ${process.version}\n`,
    );
    console.log('| run | threads | RSS (MiB) | RSS − 1-thread RSS (MiB) | of the index size | a search in every thread (ms) |');
    console.log('|---|---|---|---|---|---|');
    console.log(row('shared buffer (the API)', one));
    console.log(row('shared buffer (the API)', four));
    console.log(row('each thread copies the buffer (copy + scan)', copies));
    console.log(
      `| per-thread copies, computed: 1-thread RSS + 4 × index | 4 | ${((one.rss + 4 * size) / MiB).toFixed(0)} | ${((4 * size) / MiB).toFixed(0)} | 400.0 % | |`,
    );
    console.log(
      `\n4 threads vs 1 thread on the shared buffer: +${(growth * 100).toFixed(1)} % of the index size (limit 5 %): ${growth <= 0.05 ? 'PASS' : 'FAIL'}`,
    );
    if (growth > 0.05) process.exitCode = 1;
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') {
  runChild(process.argv[3] === 'copy' ? 'copy' : 'shared', Number(process.argv[4]), process.argv[5]).then(
    (report) => console.log(JSON.stringify(report)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
} else {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
