import { DockerfileParser } from 'dockerfile-ast';
import { loadConfig } from '@app/core';
import { WORKER_SHUTDOWN_TIMEOUT_MS } from '../../apps/worker/src/worker-shutdown';
import { asArgv, dependencies, loadCompose, readRepoFile, repoFileExists, serviceEnvironment, type ComposeService } from './deploy-files';

const compose = loadCompose();
const service = (name: string): ComposeService => {
  const found = compose.services[name];
  if (!found) throw new Error(`docker-compose.yml has no service "${name}"`);
  return found;
};
const isAlwaysOn = (entry: [string, ComposeService]) => !entry[1].profiles?.length;
const buildTarget = (candidate: ComposeService) => (typeof candidate.build === 'object' ? candidate.build.target : undefined);

/** The runtime stage's HEALTHCHECK command, which services built from the image inherit. */
function imageHealthcheck(): string[] {
  const healthcheck = DockerfileParser.parse(readRepoFile('Dockerfile'))
    .getInstructions()
    .find((instruction) => instruction.getKeyword() === 'HEALTHCHECK');
  const [, command] = /\bCMD\s+(\[.*\])$/.exec(healthcheck?.getArgumentsContent() ?? '') ?? [];
  return JSON.parse(command ?? '[]') as string[];
}

describe('docker-compose.yml: the stack', () => {
  it('runs MySQL, Redis, a mail catcher, the API, the worker and nginx, plus a test service for CI', () => {
    const alwaysOn = Object.entries(compose.services)
      .filter(isAlwaysOn)
      .map(([name]) => name);
    expect(alwaysOn.sort()).toEqual(['api', 'mailpit', 'mysql', 'nginx', 'redis', 'worker']);
    expect(service('test').profiles).toEqual(['test']);
    expect(service('mysql-replica').profiles).toEqual(['replica']);
    expect(service('prometheus').profiles).toEqual(['monitoring']);
    expect(service('grafana').profiles).toEqual(['monitoring']);
  });

  it('pins no platform, so it runs on amd64 and arm64 alike', () => {
    for (const [name, candidate] of Object.entries(compose.services))
      expect({ name, platform: candidate.platform }).toEqual({ name, platform: undefined });
  });

  it('stores MySQL in utf8mb4 on a named volume', () => {
    const mysql = service('mysql');
    expect(mysql.image).toBe('mysql:8.4');
    expect(asArgv(mysql.command)).toEqual(
      expect.arrayContaining(['--character-set-server=utf8mb4', '--collation-server=utf8mb4_unicode_ci']),
    );
    const [volume] = (mysql.volumes ?? []).map((mount) => mount.split(':'));
    expect(volume).toEqual(['mysql-data', '/var/lib/mysql']);
    expect(Object.keys(compose.volumes ?? {})).toContain('mysql-data');
  });

  it('waits only on healthy services, and every service waited on has a health check', () => {
    const waits = Object.values(compose.services).flatMap(dependencies);
    expect(waits.length).toBeGreaterThan(0);
    for (const [target, condition] of waits) {
      expect({ target, condition }).toEqual({ target, condition: 'service_healthy' });
      const healthcheck = service(target).healthcheck;
      expect({ target, disabled: healthcheck?.disable ?? false, test: asArgv(healthcheck?.test).length > 0 }).toEqual({
        target,
        disabled: false,
        test: true,
      });
    }
  });

  it('gives the api the health check of its image, GET /health through node', () => {
    expect(imageHealthcheck()).toEqual(['node', 'deploy/healthcheck.js']);
    expect(asArgv(service('api').healthcheck?.test)).toEqual(['CMD', ...imageHealthcheck()]);
  });
});

describe('docker-compose.yml: the api and the worker', () => {
  const api = service('api');
  const worker = service('worker');
  const lastStage = () => DockerfileParser.parse(readRepoFile('Dockerfile')).getFROMs().pop()?.getBuildStage();

  it('run one image, built from the runtime stage', () => {
    expect(api.image).toBeDefined();
    expect(worker.image).toBe(api.image);
    expect(buildTarget(api)).toBe(lastStage());
    expect(buildTarget(worker)).toBe(lastStage());
  });

  it('the api migrates before it serves (the entry point role), after MySQL and Redis are healthy', () => {
    expect(asArgv(api.command)).toEqual(['api']);
    const entrypoint = readRepoFile('deploy/docker-entrypoint.sh');
    const apiRole = /\n {2}api\)\n([\s\S]*?);;/.exec(entrypoint)?.[1] ?? '';
    expect(
      apiRole
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    ).toEqual(['cli wait-for-db', 'cli migrate', 'cli create-default-user', 'exec node dist/apps/api/apps/api/src/main.js']);
    expect(dependencies(api)).toEqual(
      expect.arrayContaining([
        ['mysql', 'service_healthy'],
        ['redis', 'service_healthy'],
      ]),
    );
  });

  it('the worker starts once the api is healthy, that is once the migrations ran', () => {
    expect(asArgv(worker.command)).toEqual(['worker']);
    expect(dependencies(worker)).toEqual(expect.arrayContaining([['api', 'service_healthy']]));
  });

  it('give the worker a stop grace longer than its own shutdown bound, so Docker never kills a mailing mid-message', () => {
    // compose durations: "1m30s", "40s", "500ms"
    const grace = worker.stop_grace_period ?? '10s';
    const parts = [...grace.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)];
    expect(parts.map((part) => part[0]).join('')).toBe(grace);
    const ms = parts.reduce((sum, [, value, unit]) => sum + Number(value) * { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 }[unit]!, 0);
    expect(ms).toBeGreaterThanOrEqual(WORKER_SHUTDOWN_TIMEOUT_MS + 5_000);
  });

  it('reach the compose services, whatever .env says for a process run outside Docker', () => {
    for (const env of [serviceEnvironment(api), serviceEnvironment(worker)]) {
      expect(new URL(env.DATABASE_URL).host).toBe('mysql:3306');
      expect(new URL(env.REDIS_URL).host).toBe('redis:6379');
      expect(new URL(env.SMTP_URL).host).toBe('mailpit:1025');
    }
    expect(compose.services.mailpit.image).toMatch(/^axllent\/mailpit:/);
  });

  it('log in to MySQL as the user the mysql service creates, in its database', () => {
    const mysql = serviceEnvironment(service('mysql'));
    const url = new URL(serviceEnvironment(api).DATABASE_URL);
    expect({ user: url.username, password: decodeURIComponent(url.password), database: url.pathname.slice(1) }).toEqual({
      user: mysql.MYSQL_USER,
      password: mysql.MYSQL_PASSWORD,
      database: mysql.MYSQL_DATABASE,
    });
  });

  it('start with a configuration the app accepts, on a fresh clone without .env', () => {
    expect(() => loadConfig(serviceEnvironment(api))).not.toThrow();
    expect(loadConfig(serviceEnvironment(api)).http.port).toBe(8000);
  });

  it('read .env when there is one, and start without it', () => {
    expect(api.env_file).toEqual([{ path: '.env', required: false }]);
    expect(readRepoFile('.gitignore').split('\n')).toContain('.env');
    expect(repoFileExists('.env.example')).toBe(true);
  });
});

describe('docker-compose.yml: nginx and the mail catcher', () => {
  it('nginx serves port 80 with the committed configuration, once the api is healthy', () => {
    const nginx = service('nginx');
    expect(nginx.ports).toEqual(['80:80']);
    const [config] = nginx.volumes ?? [];
    const [hostPath, containerPath] = config.split(':');
    expect(containerPath).toBe('/etc/nginx/conf.d/default.conf');
    expect(repoFileExists(hostPath)).toBe(true);
    expect(dependencies(nginx)).toEqual([['api', 'service_healthy']]);
  });

  it('mailpit shows its web UI on port 8025', () => {
    expect(service('mailpit').ports).toEqual(['8025:8025']);
  });

  it('only nginx and the mail UI are published: the api, MySQL and Redis stay inside', () => {
    const published = Object.entries(compose.services)
      .filter((entry) => isAlwaysOn(entry) && entry[1].ports?.length)
      .map(([name]) => name);
    expect(published.sort()).toEqual(['mailpit', 'nginx']);
  });

  it('the optional services publish on the host loopback only', () => {
    const optional = Object.entries(compose.services).filter((entry) => !isAlwaysOn(entry));
    for (const [name, candidate] of optional)
      for (const mapping of candidate.ports ?? [])
        expect({ name, mapping }).toEqual({ name, mapping: expect.stringMatching(/^127\.0\.0\.1:/) });
  });
});

describe('docker-compose.yml: the test service', () => {
  const test = service('test');

  it('runs the suite in the build stage, with dev dependencies and sources', () => {
    expect(buildTarget(test)).toBe('build');
    expect(asArgv(test.command).slice(0, 2)).toEqual(['npm', 'test']);
  });

  it('points the tests at the compose MySQL (as root, to create test databases) and Redis', () => {
    const env = serviceEnvironment(test);
    const mysqlUrl = new URL(env.TEST_MYSQL_URL);
    expect({ host: mysqlUrl.host, user: mysqlUrl.username, password: mysqlUrl.password }).toEqual({
      host: 'mysql:3306',
      user: 'root',
      password: serviceEnvironment(service('mysql')).MYSQL_ROOT_PASSWORD,
    });
    expect(new URL(env.TEST_REDIS_URL).host).toBe('redis:6379');
  });

  it('writes its report into a folder mounted from the host', () => {
    const outputFile = asArgv(test.command)
      .find((arg) => arg.startsWith('--outputFile='))
      ?.split('=')[1];
    expect(outputFile).toBe('reports/jest-results.json');
    expect(test.volumes).toContain('./reports:/app/reports');
  });
});
