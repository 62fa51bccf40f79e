/**
 * The HNSW recommendation index at scale: build time, file sizes, memory of 1 and 4 processes that
 * map the same file, search latency, and recall@10 against the exact scan.
 *
 *   npm run bench:recommend-ann [-- --vectors 1000000 --dimension 256 --quantization f32 --dir /tmp]
 *
 * Writes synthetic vectors with topics (`clusteredRows`) through `writeIndexFiles`, the builder's
 * own writer, then starts separate node processes (plain JavaScript, transpiled here, like the
 * built API) that map the graph with `loadServedIndex` and search random items. Memory is read
 * from /proc/<pid>/smaps_rollup while all of them are alive: RSS counts the shared file pages in
 * every process, PSS splits them between the processes that map them, so the sum of PSS is what
 * the host really spends. Recall is measured in this process on a sample of items against the
 * exact scan (`findNearest`) of the same file. Deletes its files at the end.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { transpileModule } from 'typescript';
import type { AnnQuantization } from '../libs/recommend/src/ann/ann-index.file';
import { writeIndexFiles } from '../libs/recommend/src/build/index-files.writer';
import { indexViews, readIndexFile } from '../libs/recommend/src/index-file/index-file.reader';
import { loadServedIndex } from '../libs/recommend/src/serve/served-index';
import { findNearest } from '../libs/recommend/src/serve/similarity-search';
import type { AnnChildReport } from './recommend-ann.child';
import { clusteredRows } from './synthetic-index';

const MiB = 1024 * 1024;
const ROOT = join(__dirname, '..');

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

/** The child and every file it imports (relative imports, followed), as CommonJS beside each other under `out`. */
async function transpileChild(out: string): Promise<string> {
  const pending = ['bench/recommend-ann.child.ts'];
  const done = new Set<string>();
  while (pending.length) {
    const source = pending.pop()!;
    if (done.has(source)) continue;
    done.add(source);
    const text = await readFile(join(ROOT, source), 'utf8');
    for (const [, relative] of text.matchAll(/^(?:import|export)\s[^;]*?from\s+'(\.{1,2}\/[^']+)'/gm))
      pending.push(join(dirname(source), `${relative}.ts`));
    const { outputText } = transpileModule(text, {
      compilerOptions: { module: 1 /* CommonJS */, target: 9 /* ES2022 */, esModuleInterop: true },
    });
    const target = join(out, source.replace(/\.ts$/, '.js'));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, outputText);
  }
  return join(out, 'bench/recommend-ann.child.js');
}

interface Memory {
  rss: number;
  pss: number;
  anonymous: number;
}

async function memoryOf(pid: number): Promise<Memory> {
  const text = await readFile(`/proc/${pid}/smaps_rollup`, 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0) * 1024;
  return { rss: field('Rss'), pss: field('Pss'), anonymous: field('Anonymous') };
}

/** Starts `processes` children at once, waits for their reports, measures them all, stops them. */
async function runProcesses(child: string, path: string, processes: number, searches: number, expansion: number) {
  const children = Array.from({ length: processes }, (_, i) =>
    spawn(process.execPath, [child, path, String(searches), String(expansion), String(0x9e3779b9 + i * 7919)], {
      env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
      stdio: ['pipe', 'pipe', 'inherit'],
    }),
  );
  const reports = await Promise.all(
    children.map(
      (proc) =>
        new Promise<AnnChildReport>((resolve, reject) => {
          createInterface({ input: proc.stdout }).once('line', (line) => resolve(JSON.parse(line) as AnnChildReport));
          proc.once('exit', (code) => reject(new Error(`A search process exited with ${code}`)));
        }),
    ),
  );
  const memory = await Promise.all(reports.map((report) => memoryOf(report.pid)));
  await Promise.all(children.map((proc) => new Promise((resolve) => (proc.once('exit', resolve), proc.stdin.end()))));
  return { reports, memory };
}

async function main(): Promise<void> {
  const vectors = Number(option('vectors', '1000000'));
  const dimension = Number(option('dimension', '256'));
  const quantization = option('quantization', 'f32') as AnnQuantization;
  const expansion = Number(option('expansion', '128'));
  const searches = Number(option('searches', '10000'));
  const sample = Number(option('recall-sample', '200'));
  const clusters = Math.max(1, Math.round(vectors / 100));
  const directory = await mkdtemp(join(option('dir', tmpdir()), 'gym-recommend-ann-'));
  const path = join(directory, 'feed-index.bin');
  try {
    const child = await transpileChild(join(directory, 'js'));
    const started = performance.now();
    const built = await writeIndexFiles(path, {
      dimension,
      builtAt: Date.now(),
      ids: Uint32Array.from({ length: vectors }, (_, i) => i + 1),
      rows: () => clusteredRows(vectors, dimension, clusters),
      exactBelow: 0,
      quantization,
    });
    const buildSeconds = (performance.now() - started) / 1000;
    const indexBytes = (await stat(path)).size;
    console.error(`Built in ${buildSeconds.toFixed(0)} s; measuring 1 process…`);
    const one = await runProcesses(child, path, 1, searches, expansion);
    console.error('Measuring 4 processes…');
    const four = await runProcesses(child, path, 4, searches, expansion);

    console.error(`Recall on ${sample} items against the exact scan…`);
    const served = await loadServedIndex(path, { exactBelow: 0, annExpansion: expansion, onFallback: (reason) => console.error(reason) });
    const exact = await readIndexFile(path);
    const { ids, vectors: matrix } = indexViews(exact);
    let hits = 0;
    let exactMs = 0;
    for (let i = 0; i < sample; i++) {
      const id = 1 + Math.floor(((i + 0.5) / sample) * vectors);
      const at = performance.now();
      const truth = findNearest(ids, matrix, dimension, id, 10);
      exactMs += performance.now() - at;
      const found = served.ann?.search(id, 10);
      if (truth.status !== 'found' || found?.status !== 'found') throw new Error(`Item ${id} not found`);
      const expected = new Set(truth.neighbours.map((n) => n.id));
      hits += found.neighbours.filter((n) => expected.has(n.id)).length / Math.max(1, expected.size);
    }
    await served.ann?.close();
    const recall = hits / sample;

    const sum = (memory: Memory[], key: keyof Memory) => memory.reduce((total, m) => total + m[key], 0);
    const ratio = sum(four.memory, 'pss') / sum(one.memory, 'pss');
    const p99 = Math.max(...one.reports.map((r) => r.p99));
    console.log(
      `Index: ${vectors.toLocaleString('en')} synthetic vectors (${clusters.toLocaleString('en')} topics) × ${dimension} dims, HNSW ${quantization}, M = 16, ef_add = 128, ef_search = ${expansion}`,
    );
    console.log(
      `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB RAM, Node ${process.version}, ${new Date().toISOString()}\n`,
    );
    console.log('| figure | value |');
    console.log('|---|---|');
    console.log(`| build (rows → HNSW file + index file) | ${buildSeconds.toFixed(0)} s |`);
    console.log(`| HNSW file | ${(built.annBytes / MiB).toFixed(0)} MiB |`);
    console.log(`| index file (ids + float32 rows) | ${(indexBytes / MiB).toFixed(0)} MiB |`);
    console.log(
      `| 1 process: RSS / PSS / anonymous | ${(one.memory[0].rss / MiB).toFixed(0)} / ${(one.memory[0].pss / MiB).toFixed(0)} / ${(one.memory[0].anonymous / MiB).toFixed(0)} MiB |`,
    );
    for (const [i, m] of four.memory.entries())
      console.log(
        `| 4 processes, #${i + 1}: RSS / PSS / anonymous | ${(m.rss / MiB).toFixed(0)} / ${(m.pss / MiB).toFixed(0)} / ${(m.anonymous / MiB).toFixed(0)} MiB |`,
      );
    console.log(
      `| 4 processes: sum of PSS (what the host spends) vs 1 process | ${(sum(four.memory, 'pss') / MiB).toFixed(0)} MiB = ${ratio.toFixed(2)} × |`,
    );
    console.log(`| 4 processes: sum of RSS (counts shared pages 4 times) | ${(sum(four.memory, 'rss') / MiB).toFixed(0)} MiB |`);
    console.log(`| map the index (loadServedIndex) | ${one.reports[0].loadMs.toFixed(0)} ms |`);
    console.log(
      `| search, 1 process, ${searches} random items: p50 / p99 / mean | ${one.reports[0].p50.toFixed(2)} / ${p99.toFixed(2)} / ${one.reports[0].mean.toFixed(2)} ms |`,
    );
    console.log(
      `| search, 4 processes at once on ${cpus().length} cores: worst p50 / worst p99 | ${Math.max(...four.reports.map((r) => r.p50)).toFixed(2)} / ${Math.max(...four.reports.map((r) => r.p99)).toFixed(2)} ms |`,
    );
    console.log(`| exact scan of the same file, mean of ${sample} | ${(exactMs / sample).toFixed(0)} ms |`);
    console.log(`| recall@10 against the exact scan, ${sample} items | ${recall.toFixed(3)} |`);
    const pass = { latency: p99 < 5, recall: recall >= 0.95, memory: ratio < 1.2 };
    console.log(
      `\nGoals: p99 < 5 ms ${pass.latency ? 'PASS' : 'FAIL'}; recall@10 ≥ 0.95 ${pass.recall ? 'PASS' : 'FAIL'}; 4 processes < 1.2 × one ${pass.memory ? 'PASS' : 'FAIL'}`,
    );
    if (!Object.values(pass).every(Boolean)) process.exitCode = 1;
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
