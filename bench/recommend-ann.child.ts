/**
 * One API-like process of bench/recommend-ann.ts: maps the HNSW index the way the API does
 * (`loadServedIndex`), runs searches for random items, reports their latency, then stays alive
 * until its parent closes stdin, so the parent can read its memory while its siblings run too.
 * The parent runs it as plain JavaScript (transpiled), like the built API: no compiler in memory.
 */
import { loadServedIndex } from '../libs/recommend/src/serve/served-index';

export interface AnnChildReport {
  pid: number;
  loadMs: number;
  searches: number;
  p50: number;
  p99: number;
  mean: number;
}

async function main(): Promise<void> {
  const [path, searchesText, expansionText, seedText] = process.argv.slice(2);
  const started = performance.now();
  const index = await loadServedIndex(path, {
    exactBelow: 0,
    annExpansion: Number(expansionText),
    onFallback: (reason) => {
      throw new Error(reason);
    },
  });
  const loadMs = performance.now() - started;
  const ann = index.ann;
  if (!ann) throw new Error('Not served by the HNSW index');
  const count = index.layout.count;
  let state = Number(seedText) | 1;
  const latencies: number[] = [];
  for (let i = 0; i < Number(searchesText); i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    const id = 1 + ((state >>> 0) % count);
    const at = performance.now();
    const outcome = ann.search(id, 10);
    latencies.push(performance.now() - at);
    if (outcome.status !== 'found') throw new Error(`Item ${id} not found`);
  }
  latencies.sort((a, b) => a - b);
  const quantile = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  const report: AnnChildReport = {
    pid: process.pid,
    loadMs,
    searches: latencies.length,
    p50: quantile(0.5),
    p99: quantile(0.99),
    mean: latencies.reduce((sum, value) => sum + value, 0) / latencies.length,
  };
  console.log(JSON.stringify(report));
  process.stdin.resume();
  process.stdin.on('end', () => process.exit(0));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
