import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import type { ComposeFile, ComposeService } from '../deploy/deploy-files';

/**
 * docker-compose.yml as Debian's podman-compose 1.0.3 can read it, with nothing else changed:
 * anchors merged; `env_file` entries in the long form (`path`, `required: false`) turned into
 * the paths that exist; `healthcheck.disable` written as the `NONE` test it means; `CMD` and `CMD-SHELL` tests written as
 * the command string (1.0.3 mutates a list test, which the replicas of a service share); relative paths
 * made absolute (the file is written elsewhere); published ports moved to free ports on
 * 127.0.0.1; profile-only services (the CI `test` service, the replica, monitoring) left out, with
 * the optional waits on them (`required: false`) and the secrets only they use; `${NAME:-}` (an
 * empty default, which 1.0.3's pattern does not match and would pass on literally) written
 * `${NAME}`. Written as JSON, which YAML 1.1 parsers read without turning `yes` into a boolean.
 */
export function composeForPodman(repoRoot: string, publishedPorts: Record<string, number>): ComposeFile {
  const text = readFileSync(resolve(repoRoot, 'docker-compose.yml'), 'utf8').replace(/\$\{(\w+):-\}/g, '$${$1}');
  const compose = parse(text, { merge: true }) as ComposeFile & Record<string, unknown>;
  for (const key of Object.keys(compose)) if (key === 'name' || key.startsWith('x-')) delete compose[key];
  for (const [name, service] of Object.entries(compose.services) as Array<[string, ComposeService & Record<string, unknown>]>) {
    if (service.profiles?.length) {
      delete compose.services[name];
      continue;
    }
    delete service.build;
    if (service.env_file) {
      const files = (service.env_file as Array<string | { path: string }>)
        .map((entry) => resolve(repoRoot, typeof entry === 'string' ? entry : entry.path))
        .filter((path) => existsSync(path));
      if (files.length) service.env_file = files;
      else delete service.env_file;
    }
    if (service.healthcheck?.disable) service.healthcheck = { test: ['NONE'] };
    // 1.0.3 pops the CMD off a list test in place, and the replicas of a service share one
    // description: the second api container would get ['node', …]. A string test is left alone.
    const test = service.healthcheck?.test;
    if (Array.isArray(test) && (test[0] === 'CMD' || test[0] === 'CMD-SHELL')) service.healthcheck!.test = test.slice(1).join(' ');
    service.volumes = service.volumes?.map((volume) => (volume.startsWith('.') ? resolve(repoRoot, volume) : volume));
    service.ports = service.ports?.map((mapping) => `127.0.0.1:${publishedPorts[name]}:${mapping.split(':').pop()}`);
    for (const key of ['volumes', 'ports'] as const) if (service[key] === undefined) delete service[key];
  }
  for (const service of Object.values(compose.services) as Array<ComposeService & Record<string, unknown>>) {
    const waits = service.depends_on;
    if (waits && !Array.isArray(waits)) for (const target of Object.keys(waits)) if (!compose.services[target]) delete waits[target];
  }
  if (!Object.values(compose.services).some((service) => (service as Record<string, unknown>).secrets)) delete compose.secrets;
  return compose;
}

/** The services in start order, in waves: each wave depends only on the waves before it. */
export function startWaves(compose: ComposeFile): string[][] {
  const dependsOn = (name: string) => {
    const declared = compose.services[name].depends_on ?? {};
    return Array.isArray(declared) ? declared : Object.keys(declared);
  };
  const waves: string[][] = [];
  const placed = new Set<string>();
  while (placed.size < Object.keys(compose.services).length) {
    const wave = Object.keys(compose.services).filter((name) => !placed.has(name) && dependsOn(name).every((dep) => placed.has(dep)));
    if (!wave.length) throw new Error('docker-compose.yml has a dependency cycle');
    wave.forEach((name) => placed.add(name));
    waves.push(wave);
  }
  return waves;
}
