import { DockerfileParser } from 'dockerfile-ast';
import { posix } from 'node:path';
import { asArgv, loadCompose, loadWorkflow, readRepoFile, type WorkflowStep } from './deploy-files';

const workflow = loadWorkflow();
const compose = loadCompose();
const job = (name: string) => {
  const found = workflow.jobs[name];
  if (!found) throw new Error(`ci.yml has no job "${name}"`);
  return found;
};
const usesAction = (steps: WorkflowStep[], action: string) => steps.filter((step) => step.uses?.split('@')[0] === action);
/** The working directory of the image's stages, where the test command runs. */
const imageWorkdir = () =>
  DockerfileParser.parse(readRepoFile('Dockerfile'))
    .getInstructions()
    .find((instruction) => instruction.getKeyword() === 'WORKDIR')
    ?.getArgumentsContent() ?? '';
const runLines = (steps: WorkflowStep[]) =>
  steps.flatMap((step) =>
    (step.run ?? '')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
  );

describe('ci.yml: triggers', () => {
  it('runs on every push and every pull request', () => {
    const triggers = Array.isArray(workflow.on) ? workflow.on : typeof workflow.on === 'string' ? [workflow.on] : Object.keys(workflow.on);
    expect(triggers).toEqual(expect.arrayContaining(['push', 'pull_request']));
    if (!Array.isArray(workflow.on) && typeof workflow.on === 'object') {
      expect(workflow.on.push ?? null).toBeNull();
      expect(workflow.on.pull_request ?? null).toBeNull();
    }
  });
});

describe('ci.yml: the test job, through docker-compose.yml', () => {
  const steps = job('test').steps;
  const builds = usesAction(steps, 'docker/build-push-action');

  it('builds with Buildx, loads the images into Docker and caches layers in GitHub Actions', () => {
    expect(usesAction(steps, 'docker/setup-buildx-action')).toHaveLength(1);
    expect(builds.length).toBeGreaterThan(0);
    for (const build of builds) {
      expect(build.with).toMatchObject({ load: true, 'cache-from': expect.stringMatching(/^type=gha\b/) });
    }
    expect(builds.some((build) => /^type=gha\b.*\bmode=max\b/.test(String(build.with?.['cache-to'])))).toBe(true);
  });

  it('builds exactly the images, from the stages, that compose runs', () => {
    const built = builds.map((build) => `${build.with?.tags} <- ${build.with?.target}`).sort();
    const used = [
      ...new Set(
        Object.values(compose.services)
          .filter((service) => typeof service.build === 'object')
          .map((service) => `${service.image} <- ${(service.build as { target: string }).target}`),
      ),
    ].sort();
    expect(built).toEqual(used);
  });

  it('starts MySQL and Redis with compose, waits for them, then runs the test service', () => {
    const lines = runLines(steps);
    const start = lines.findIndex((line) => /^docker compose up -d --wait mysql redis$/.test(line));
    const wait = lines.findIndex((line) => /^docker compose run --rm --no-deps api cli wait-for-db\b/.test(line));
    const test = lines.findIndex((line) => line === 'docker compose --profile test run --rm test');
    expect({ start, wait, test }).toEqual({ start: expect.any(Number), wait: expect.any(Number), test: expect.any(Number) });
    expect(start).toBeGreaterThanOrEqual(0);
    expect(start).toBeLessThan(wait);
    expect(wait).toBeLessThan(test);
    expect(compose.services.test.profiles).toContain('test');
  });

  it('uploads the report the test service writes, even when tests fail', () => {
    const [upload] = usesAction(steps, 'actions/upload-artifact');
    expect(upload?.if).toMatch(/always\(\)|!cancelled\(\)/);
    const outputFile = asArgv(compose.services.test.command)
      .find((arg) => arg.startsWith('--outputFile='))
      ?.split('=')[1];
    const inContainer = posix.join(imageWorkdir(), outputFile ?? '');
    const mount = (compose.services.test.volumes ?? [])
      .map((volume) => volume.split(':'))
      .find(([, inside]) => inContainer.startsWith(`${inside}/`));
    expect(mount).toBeDefined();
    const [onHost, inside] = mount!;
    expect(upload.with?.path).toBe(posix.join(onHost, inContainer.slice(inside.length)));
  });

  it('smoke-tests the whole stack through nginx: health, Swagger, request ids, the admin login, the mail UI', () => {
    const lines = runLines(steps).join('\n');
    expect(lines).toMatch(/docker compose up -d --wait --no-build/);
    expect(lines).toContain('http://localhost/health');
    expect(lines).toContain('http://localhost/swagger');
    expect(lines).toMatch(/-H 'X-Request-Id: ci-smoke-1' http:\/\/localhost\/\S* \| grep -i '\^x-request-id: ci-smoke-1'/);
    expect(lines).toMatch(/grep -iE '\^x-request-id: \[0-9a-f\]\{32\}'/);
    expect(lines).toContain('http://localhost/auth/login');
    expect(lines).toContain('http://localhost:8025/');
  });

  it('stops the stack and deletes its volumes whatever happened', () => {
    const last = steps[steps.length - 1];
    expect(last.if).toBe('always()');
    expect(last.run).toMatch(/^docker compose --profile test down -v$/);
  });
});

describe('ci.yml: the lint job, without Docker', () => {
  const steps = job('lint').steps;

  it('sets up Node 20 with the npm cache', () => {
    const [setup] = usesAction(steps, 'actions/setup-node');
    expect(setup?.with).toMatchObject({ 'node-version': 20, cache: 'npm' });
  });

  it('installs from the lock file, type-checks and lints, in that order', () => {
    expect(runLines(steps)).toEqual(['npm ci', 'npm run typecheck', 'npm run lint']);
  });

  it('touches no Docker', () => {
    expect(steps.filter((step) => /docker/i.test(`${step.uses ?? ''} ${step.run ?? ''}`))).toEqual([]);
  });
});
