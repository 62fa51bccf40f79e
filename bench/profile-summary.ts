/**
 * `npm run bench:profile -- <file.cpuprofile>`: where a profile written by `BENCH_CPU_PROF` spends
 * the API's busy time, from its first HTTP request on (start-up and idle left out): self time by
 * package (our code is `ours`, Node's own modules `node:<name>`), then the top functions.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The package a frame belongs to, or a name for V8's own entries (`(garbage collector)`, …). */
export function owner(frame: ProfileNode['callFrame']): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(frame.url);
  if (pkg) return pkg[1]!;
  if (frame.url.startsWith('node:')) return `node:${frame.url.slice(5).split('/')[0]}`;
  if (frame.url) return 'ours';
  return frame.functionName || '(native)';
}

/** Self time by package and by function over the busy samples after the first request, in %. */
export function summarize(profile: Profile, top = 25): { busyMs: number; packages: [string, number][]; functions: [string, number][] } {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const servesHttp = (id: number) => {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at))
      if (byId.get(at)!.callFrame.url === 'node:_http_server') return true;
    return false;
  };
  const packages = new Map<string, number>();
  const functions = new Map<string, number>();
  let busy = 0;
  let started = false;
  profile.samples.forEach((id, i) => {
    started ||= servesHttp(id);
    const frame = byId.get(id)!.callFrame;
    if (!started || frame.functionName === '(idle)') return;
    const micros = profile.timeDeltas[i] ?? 0;
    busy += micros;
    const name = owner(frame);
    packages.set(name, (packages.get(name) ?? 0) + micros);
    const where = `${frame.functionName || '(anonymous)'} ${frame.url.replace(/.*node_modules\//, '').replace(/.*\/dist\//, '')}:${frame.lineNumber + 1}`;
    functions.set(where, (functions.get(where) ?? 0) + micros);
  });
  const percent = (entries: Map<string, number>): [string, number][] =>
    [...entries]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, micros]) => [name, Math.round((1000 * micros) / busy) / 10]);
  return { busyMs: Math.round(busy / 1000), packages: percent(packages), functions: percent(functions) };
}

if (require.main === module) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: npm run bench:profile -- <file.cpuprofile>');
  const { busyMs, packages, functions } = summarize(JSON.parse(readFileSync(file, 'utf8')) as Profile);
  console.log(`${busyMs} ms busy after the first request. Self time by package:`);
  for (const [name, share] of packages) console.log(`${String(share).padStart(5)} %  ${name}`);
  console.log('\nTop functions:');
  for (const [name, share] of functions) console.log(`${String(share).padStart(5)} %  ${name}`);
}
