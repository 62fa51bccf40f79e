import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ComposeFile } from '../deploy/deploy-files';
import { ApiClient } from './api-client';
import { composeForPodman, startWaves } from './compose-for-podman';
import { freePort, podman, podmanCompose, removeLabelled, waitHealthy } from './podman';

// docker-compose.yml brought up with podman-compose and the stand-in images (build-images.sh),
// then driven only through nginx and the mail catcher's published ports.
const project = `gymctr${process.pid}`;
const label = `io.podman.compose.project=${project}`;
const repoRoot = resolve(__dirname, '../..');
const container = (service: string, num = 1) => `${project}_${service}_${num}`;

describe('docker-compose.yml under podman', () => {
  let directory: string;
  let compose: ComposeFile;
  let viaNginx: ApiClient;
  let mailUi: string;
  const composeCommand = (...args: string[]) => podmanCompose(['-p', project, '-f', 'compose.json', ...args], directory, 180_000);

  beforeAll(async () => {
    await removeLabelled(label);
    const ports = { nginx: await freePort(), mailpit: await freePort() };
    directory = mkdtempSync(join(tmpdir(), 'gym-ctr-compose-'));
    compose = composeForPodman(repoRoot, ports);
    writeFileSync(join(directory, 'compose.json'), JSON.stringify(compose, null, 2));
    viaNginx = new ApiClient(`http://127.0.0.1:${ports.nginx}`);
    mailUi = `http://127.0.0.1:${ports.mailpit}`;
  });

  afterAll(async () => {
    if (directory) await composeCommand('down', '-v', '-t', '10');
    await removeLabelled(label);
    if (directory) rmSync(directory, { recursive: true, force: true });
  });

  it('starts every service once the services it waits for are healthy, as depends_on says', async () => {
    const waves = startWaves(compose);
    expect(waves.flat().sort()).toEqual(['api', 'mailpit', 'mysql', 'nginx', 'redis', 'worker']);
    for (const wave of waves) {
      const up = await composeCommand('up', '-d', '--no-deps', ...wave);
      expect({ wave, code: up.code, stderr: up.code ? up.stderr : '' }).toEqual({ wave, code: 0, stderr: '' });
      // podman-compose 1.0.3 ignores depends_on conditions: poll each health check before the next wave
      for (const service of wave.filter((name) => compose.services[name].healthcheck?.test?.[0] !== 'NONE'))
        for (let num = 1; num <= (compose.services[service].deploy?.replicas ?? 1); num++) {
          const tookMs = await waitHealthy(container(service, num), 150_000);
          console.log(`[containers] ${container(service, num)} healthy after ${tookMs} ms`);
        }
    }
  });

  it('answers /health and Swagger through nginx, with the request id echoed', async () => {
    const health = await viaNginx.call('GET', '/health');
    expect(health).toMatchObject({ status: 200, body: { status: 'ok', db: 'up', redis: 'up' } });
    const swagger = await fetch(`${viaNginx.baseUrl}/swagger-json`, { headers: { 'X-Request-Id': 'ctr-stack-1' } });
    expect(swagger.status).toBe(200);
    expect(swagger.headers.get('x-request-id')).toBe('ctr-stack-1');
    const generated = await fetch(`${viaNginx.baseUrl}/health`);
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
  });

  it('runs two api containers, which migrated the fresh database in turn, and nginx spreads requests over both', async () => {
    const replicas = compose.services.api.deploy?.replicas ?? 1;
    expect(replicas).toBe(2);
    for (let i = 0; i < 12; i++) {
      const answer = await fetch(`${viaNginx.baseUrl}/lessons?limit=1`, { headers: { 'X-Request-Id': `spread-${i}` } });
      expect(answer.status).toBe(200);
    }
    const migrations: string[] = [];
    for (let num = 1; num <= replicas; num++) {
      const logs = await podman(['logs', container('api', num)]);
      const text = logs.stdout + logs.stderr;
      migrations.push(/Applied Migration/.test(text) ? 'applied' : /Already up to date/.test(text) ? 'up to date' : 'none');
      expect({ num, served: /spread-\d+/.test(text) }).toEqual({ num, served: true });
      // neither failed on the other's tables and was restarted by the engine
      expect((await podman(['inspect', '--format', '{{.RestartCount}}', container('api', num)])).stdout.trim()).toBe('0');
    }
    // both started on the same empty database: one applied the migrations, the other waited for its lock
    expect(migrations.sort()).toEqual(['applied', 'up to date']);
  });

  it('logs admin in through nginx, and an email sent through the API lands in the mail catcher via the worker', async () => {
    const staff = await viaNginx.login('admin', 'admin');
    const { queuedStatus, task } = await viaNginx.emailAndWait(staff, {
      recipients: ['stack@example.com'],
      subject: 'Through the compose stack',
      body: 'nginx, api, redis, worker, mail catcher.',
    });
    expect(queuedStatus).toBe(202);
    expect(task).toMatchObject({ state: 'completed', result: { sent: 1, rejected: [] } });
    const inbox = (await (await fetch(`${mailUi}/api/v1/messages`)).json()) as {
      messages: Array<{ Subject: string; To: Array<{ Address: string }> }>;
    };
    expect(inbox.messages.map((message) => [message.To[0]?.Address, message.Subject])).toContainEqual([
      'stack@example.com',
      'Through the compose stack',
    ]);
  });

  it('stops the worker gracefully and removes every container, volume and network it made', async () => {
    const stop = await podman(['stop', '-t', '40', container('worker')], 60_000);
    expect(stop.code).toBe(0);
    expect((await podman(['inspect', '--format', '{{.State.ExitCode}}', container('worker')])).stdout.trim()).toBe('0');
    await composeCommand('down', '-v', '-t', '10');
    await removeLabelled(label);
    for (const kind of [
      ['ps', '-a'],
      ['volume', 'ls'],
      ['network', 'ls'],
    ])
      expect((await podman([...kind, '-q', '--filter', `label=${label}`])).stdout.trim()).toBe('');
  });
});
