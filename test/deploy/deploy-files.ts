import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { parse as parseYaml } from 'yaml';

/** Reads the deployment files of the repository, as Docker, Compose and GitHub would. */
export const REPO_ROOT = resolve(__dirname, '..', '..');

export function repoPath(relative: string): string {
  return join(REPO_ROOT, relative);
}

export function readRepoFile(relative: string): string {
  return readFileSync(repoPath(relative), 'utf8');
}

export function repoFileExists(relative: string): boolean {
  return existsSync(repoPath(relative));
}

/** YAML as Compose reads it: anchors resolved, `<<` merge keys applied. */
export function parseYamlFile<T>(relative: string): T {
  return parseYaml(readRepoFile(relative), { merge: true }) as T;
}

export interface Healthcheck {
  test?: string[] | string;
  disable?: boolean;
  interval?: string;
  start_period?: string;
}

export interface DependsOn {
  condition?: 'service_started' | 'service_healthy' | 'service_completed_successfully';
  /** Restart this service when compose restarts (or recreates) the one it depends on. */
  restart?: boolean | string;
  /** false: wait only when the service is enabled (its profile is on). */
  required?: boolean;
}

export interface ComposeService {
  image?: string;
  build?: { context?: string; target?: string } | string;
  command?: string[] | string;
  environment?: Record<string, string | number | boolean | null>;
  env_file?: Array<string | { path: string; required?: boolean }> | string;
  ports?: string[];
  volumes?: string[];
  healthcheck?: Healthcheck;
  depends_on?: Record<string, DependsOn> | string[];
  profiles?: string[];
  platform?: string;
  init?: boolean;
  stop_grace_period?: string;
  deploy?: { replicas?: number };
  secrets?: string[];
  container_name?: string;
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
  secrets?: Record<string, { environment?: string; file?: string }>;
}

export function loadCompose(): ComposeFile {
  return parseYamlFile<ComposeFile>('docker-compose.yml');
}

export interface WorkflowStep {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string | number | boolean>;
  if?: string;
}

export interface Workflow {
  on: Record<string, unknown> | string[] | string;
  jobs: Record<string, { 'runs-on': string; steps: WorkflowStep[] }>;
}

export function loadWorkflow(): Workflow {
  return parseYamlFile<Workflow>('.github/workflows/ci.yml');
}

export function loadPackageScripts(): Record<string, string> {
  return (JSON.parse(readRepoFile('package.json')) as { scripts: Record<string, string> }).scripts;
}

/** `.env.example` parsed the way Node's `process.loadEnvFile` (and so the app) parses it. */
export function loadEnvExample(): Record<string, string> {
  return parseEnv(readRepoFile('.env.example')) as Record<string, string>;
}

/**
 * Compose's variable interpolation for the forms this repository uses: `${NAME}`,
 * `${NAME:-default}` and `${NAME-default}`, with no variables set (a fresh clone without `.env`).
 */
export function interpolateWithDefaults(value: string, variables: Record<string, string> = {}): string {
  return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?-)([^}]*))?\}/g, (_match, name: string, operator?: string, fallback?: string) => {
    const set = variables[name];
    if (operator === ':-') return set ? set : (fallback ?? '');
    if (operator === '-') return set !== undefined ? set : (fallback ?? '');
    return set ?? '';
  });
}

/** A service's environment as the container sees it when no `.env` exists. */
export function serviceEnvironment(service: ComposeService): Record<string, string> {
  return Object.fromEntries(
    Object.entries(service.environment ?? {}).map(([key, value]) => [key, interpolateWithDefaults(String(value ?? ''))]),
  );
}

/** The services a service waits for, with the condition of each (short form means service_started). */
export function dependencies(service: ComposeService): Array<[string, DependsOn['condition']]> {
  const dependsOn = service.depends_on ?? {};
  if (Array.isArray(dependsOn)) return dependsOn.map((name) => [name, 'service_started']);
  return Object.entries(dependsOn).map(([name, options]) => [name, options.condition ?? 'service_started']);
}

export function asArgv(command: string[] | string | undefined): string[] {
  if (command === undefined) return [];
  return Array.isArray(command) ? command : command.split(/\s+/).filter(Boolean);
}
