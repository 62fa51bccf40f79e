import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** Builds (or finds in the cache) every image the container specs run: build-images.sh. */
export default function buildImages(): void {
  const started = Date.now();
  execFileSync('bash', [join(__dirname, 'build-images.sh')], { stdio: ['ignore', 'inherit', 'inherit'], timeout: 15 * 60_000 });
  console.log(`[containers] images built or found in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
