import { DockerfileParser, type Copy, type Instruction } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCompose, readRepoFile, repoFileExists, repoPath } from './deploy-files';
import { isDockerIgnored, loadDockerIgnore } from './docker-ignore';

const source = readRepoFile('Dockerfile');

interface Stage {
  name: string;
  base: string;
  instructions: Instruction[];
}

/** The Dockerfile split into its stages, each with its base image and its instructions. */
function stages(): Stage[] {
  const dockerfile = DockerfileParser.parse(source);
  return dockerfile.getFROMs().map((from, index, froms) => {
    const start = from.getRange().start.line;
    const end = index + 1 < froms.length ? froms[index + 1].getRange().start.line : Number.POSITIVE_INFINITY;
    return {
      name: from.getBuildStage() ?? String(index),
      base: from.getImage() ?? '',
      instructions: dockerfile.getInstructions().filter((instruction) => {
        const line = instruction.getRange().start.line;
        return line > start && line < end;
      }),
    };
  });
}

const byKeyword = (stage: Stage, keyword: string) => stage.instructions.filter((instruction) => instruction.getKeyword() === keyword);
const argumentsOf = (instruction: Instruction) => instruction.getArguments().map((argument) => argument.getValue());
/** The stage a COPY takes its files from (`--from=`), undefined for the build context. */
const copyFrom = (copy: Instruction) => (copy as Copy).getFromFlag()?.getValue() ?? undefined;
/** What a COPY copies: its arguments but the last (flags are not arguments). */
const copySources = (copy: Instruction) => argumentsOf(copy).slice(0, -1);
/** The words of an exec-form (JSON array) instruction such as CMD ["node", "x.js"]. */
const execForm = (instruction: Instruction) => JSON.parse(instruction.getArgumentsContent() ?? '[]') as string[];

function runtimeStage(): Stage {
  return stages()[stages().length - 1];
}

describe('Dockerfile lint (dockerfile-utils, the validator of the Dockerfile language server)', () => {
  it('reports no problem', () => {
    const diagnostics = validate(source).map((diagnostic) => `line ${diagnostic.range.start.line + 1}: ${diagnostic.message}`);
    expect(diagnostics).toEqual([]);
  });

  it('does report a broken HEALTHCHECK flag, so a clean result means something', () => {
    const broken = source.replace('HEALTHCHECK --interval=', 'HEALTHCHECK --intervall=');
    expect(broken).not.toBe(source);
    expect(validate(broken).map((diagnostic) => diagnostic.message)).toContain('Unknown flag: intervall');
  });
});

describe('Dockerfile structure', () => {
  it('is multi-stage, the last stage being the runtime', () => {
    expect(stages().map((stage) => stage.name)).toEqual(['deps', 'build', 'prod-deps', 'runtime']);
  });

  it('runs on a supported Node LTS slim image in every stage that pulls one', () => {
    const pulled = stages().filter((stage) => !stages().some((other) => other.name === stage.base));
    expect(pulled.length).toBeGreaterThan(0);
    // Node 20 left support on 2026-04-30; 22 and 24 are the LTS lines maintained now.
    for (const stage of pulled) expect(stage.base).toMatch(/^node:(22|24)-bookworm-slim$/);
    expect(runtimeStage().base).toMatch(/-slim$/);
  });

  it('installs with npm ci from the lock file, and builds with npm run build', () => {
    const runs = stages().flatMap((stage) => byKeyword(stage, 'RUN').map((run) => `${stage.name}: ${run.getArgumentsContent()}`));
    expect(runs).toEqual(
      expect.arrayContaining([expect.stringMatching(/^deps: .*npm ci /), expect.stringMatching(/^build: npm run build$/)]),
    );
    expect(runs.join('\n')).not.toMatch(/npm install/);
  });

  it('takes only production dependencies into the runtime', () => {
    const prodDeps = stages().find((stage) => stage.name === 'prod-deps');
    expect(byKeyword(prodDeps!, 'RUN').map((run) => run.getArgumentsContent())).toEqual([expect.stringMatching(/npm ci --omit=dev/)]);
    const nodeModules = byKeyword(runtimeStage(), 'COPY').filter((copy) => copySources(copy).some((path) => path.includes('node_modules')));
    expect(nodeModules.map((copy) => [copyFrom(copy), ...argumentsOf(copy)])).toEqual([
      ['prod-deps', '/app/node_modules', './node_modules'],
    ]);
  });

  it('runs as the non-root user node', () => {
    const users = byKeyword(runtimeStage(), 'USER').map((user) => user.getArgumentsContent());
    expect(users).toEqual(['node']);
  });

  it('has a HEALTHCHECK that asks GET /health with node, the script being in the image', () => {
    const [healthcheck] = byKeyword(runtimeStage(), 'HEALTHCHECK');
    expect(healthcheck).toBeDefined();
    const [, command] = /\bCMD\s+(\[.*\])$/.exec(healthcheck.getArgumentsContent() ?? '') ?? [];
    expect(JSON.parse(command ?? 'null')).toEqual(['node', 'deploy/healthcheck.js']);
    expect(readRepoFile('deploy/healthcheck.js')).toMatch(/fetch\(`http:\/\/127\.0\.0\.1:\$\{port\}\/health`/);
  });

  it('starts through the entry point script, api by default', () => {
    const [entrypoint] = byKeyword(runtimeStage(), 'ENTRYPOINT');
    const [cmd] = byKeyword(runtimeStage(), 'CMD');
    expect(execForm(entrypoint)).toEqual(['/app/deploy/docker-entrypoint.sh']);
    expect(execForm(cmd)).toEqual(['api']);
    expect(statSync(repoPath('deploy/docker-entrypoint.sh')).mode & 0o111).not.toBe(0);
  });

  it('exposes the port the API listens on by default', () => {
    expect(byKeyword(runtimeStage(), 'EXPOSE').map((expose) => expose.getArgumentsContent())).toEqual(['8000']);
  });
});

describe('Dockerfile and its build context', () => {
  const contextCopies = () =>
    stages().flatMap((stage) =>
      byKeyword(stage, 'COPY')
        .filter((copy) => copyFrom(copy) === undefined)
        .flatMap(copySources),
    );

  it('copies only files that exist and that .dockerignore lets through', () => {
    const sources = contextCopies().filter((path) => path !== '.');
    expect(sources).toEqual(expect.arrayContaining(['package.json', 'package-lock.json', 'deploy/docker-entrypoint.sh']));
    const ignore = loadDockerIgnore();
    for (const path of sources) {
      expect({ path, exists: repoFileExists(path), ignored: isDockerIgnored(path, ignore) }).toEqual({
        path,
        exists: true,
        ignored: false,
      });
    }
  });

  it('names the stages that docker-compose.yml builds', () => {
    const names = stages().map((stage) => stage.name);
    const targets = Object.values(loadCompose().services).flatMap((service) =>
      typeof service.build === 'object' && service.build.target ? [service.build.target] : [],
    );
    expect(targets.length).toBeGreaterThan(0);
    for (const target of targets) expect(names).toContain(target);
  });

  it('keeps secrets and local builds out of the context', () => {
    const ignore = loadDockerIgnore();
    for (const path of ['.env', 'node_modules/jest/package.json', 'dist/apps/api/main.js', '.git/HEAD']) {
      expect({ path, ignored: isDockerIgnored(path, ignore) }).toEqual({ path, ignored: true });
    }
  });
});

describe('npm run cli in the runtime image', () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'runtime-layout-'));
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  /** Lays out what the runtime stage copies that build-stamp.js looks at: no sources, a built dist/. */
  function layOutRuntime(): void {
    const copied = byKeyword(runtimeStage(), 'COPY').flatMap(copySources);
    expect(copied).toEqual(expect.arrayContaining(['/app/package.json', '/app/dist', 'scripts/build-stamp.js']));
    expect(copied.some((path) => /^(\/app\/)?(apps|libs)\b/.test(path))).toBe(false);
    mkdirSync(join(root, 'scripts'));
    mkdirSync(join(root, 'dist'));
    copyFileSync(repoPath('scripts/build-stamp.js'), join(root, 'scripts/build-stamp.js'));
    copyFileSync(repoPath('package.json'), join(root, 'package.json'));
    writeFileSync(join(root, 'dist/.build-stamp'), `${new Date().toISOString()}\n`);
  }

  const stampCheck = () => execFileSync(process.execPath, [join(root, 'scripts/build-stamp.js'), 'check'], { stdio: 'pipe' });

  it('finds the build current, so the precli hook never tries to rebuild without sources', () => {
    layOutRuntime();
    expect(() => stampCheck()).not.toThrow();
  });

  it('would rebuild if the image carried sources newer than the build, which it does not', () => {
    layOutRuntime();
    mkdirSync(join(root, 'apps'));
    writeFileSync(join(root, 'apps/newer.ts'), '');
    const future = new Date(Date.now() + 60_000);
    utimesSync(join(root, 'apps/newer.ts'), future, future);
    utimesSync(join(root, 'apps'), future, future);
    expect(() => stampCheck()).toThrow();
  });
});
