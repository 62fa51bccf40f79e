import { createConnection } from 'mysql2/promise';
import Redis from 'ioredis';
import { startSmtpSink, type SmtpSink } from '@app/testing';
import { ApiClient } from './api-client';
import { freePort, podman, podmanOk, removeLabelled, waitHealthy } from './podman';

// The project's image, run as production runs it: the api and the worker containers against this
// machine's MariaDB and Redis (a database and a Redis db of their own), on the host's network.
const label = `gym-ctr-app=${process.pid}`;
const database = 'gym_ctr_app';
const redisDb = 14;
const adminPassword = 'container-admin-password';

describe('the image: api and worker containers', () => {
  let smtp: SmtpSink;
  let api: ApiClient;
  let port: number;
  const name = (role: string) => `gym-ctr-${role}-${process.pid}`;

  const runRole = async (role: 'api' | 'worker') =>
    podmanOk([
      'run', '-d', '--init', '--name', name(role), '--label', label, '--network', 'host',
      '-e', 'NODE_ENV=production',
      '-e', `JWT_SECRET=${'container-test-secret-'.repeat(2)}`,
      '-e', `ADMIN_PASSWORD=${adminPassword}`,
      '-e', `PORT=${port}`,
      '-e', `DATABASE_URL=mysql://root@127.0.0.1:3306/${database}`,
      '-e', `REDIS_URL=redis://127.0.0.1:6379/${redisDb}`,
      '-e', `SMTP_URL=${smtp.url}`,
      '-e', 'LOG_LEVEL=info',
      'gym-platform:latest', role,
    ]); // prettier-ignore

  async function resetServices(): Promise<void> {
    const mysql = await createConnection({ host: '127.0.0.1', port: 3306, user: 'root' });
    await mysql.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await mysql.end();
    const redis = new Redis(`redis://127.0.0.1:6379/${redisDb}`);
    await redis.flushdb();
    redis.disconnect();
  }

  beforeAll(async () => {
    await removeLabelled(label);
    await resetServices();
    smtp = await startSmtpSink();
    port = await freePort();
    api = new ApiClient(`http://127.0.0.1:${port}`);
  });

  afterAll(async () => {
    await removeLabelled(label);
    await smtp?.close();
    await resetServices();
  });

  it('the api migrates, creates admin and turns healthy through the image HEALTHCHECK', async () => {
    await runRole('api');
    const tookMs = await waitHealthy(name('api'), 150_000);
    console.log(`[containers] api healthy after ${tookMs} ms`);
    const health = await api.call('GET', '/health');
    expect(health).toMatchObject({ status: 200, body: { status: 'ok', db: 'up', redis: 'up' } });
    const logs = await podmanOk(['logs', name('api')]);
    expect(logs).toMatch(/Created staff user "admin"/);
  });

  it('serves the staff console built into the image at /admin', async () => {
    const page = await api.call<string>('GET', '/admin/');
    expect(page.status).toBe(200);
    expect(page.body).toMatch(/<div id="root">/);
  });

  it('logs admin in and books a lesson for a member through the gym rules', async () => {
    const staff = await api.login('admin', adminPassword);
    const { body: gym } = await api.call<{ today: string }>('GET', '/gym');
    const lessonDay = new Date(`${gym.today}T00:00:00Z`);
    lessonDay.setUTCDate(lessonDay.getUTCDate() + 3);
    const policy = await api.call<{ id: number }>('POST', '/price-policies', staff, {
      name: '10 classes',
      price: 100000,
      creditCount: 10,
      periodDays: 30,
    });
    const lesson = await api.call<{ id: number }>('POST', '/lessons', staff, {
      gym: 'seoul', type: 'yoga', creditCount: 2, maxCapacity: 5,
      startDate: lessonDay.toISOString().slice(0, 10), startTime: '10:00', endTime: '11:00',
    }); // prettier-ignore
    expect([policy.status, lesson.status]).toEqual([201, 201]);
    const member = await api.call<{ accessToken: string }>('POST', '/users', undefined, {
      username: 'container.member', password: 'correct horse', phoneNumber: '010-1234-5678', email: 'member@example.com',
    }); // prettier-ignore
    expect(member.status).toBe(201);
    const token = member.body.accessToken;
    expect((await api.call('POST', '/credits', token, { pricePolicyId: policy.body.id, startDate: gym.today })).status).toBe(201);
    const booking = await api.call('POST', `/lessons/${lesson.body.id}/reservations`, token);
    expect(booking).toMatchObject({ status: 201, body: { type: 'reserve' } });
    const balance = await api.call('GET', '/credits/balance', token);
    expect(balance.body).toMatchObject({ balance: 8 });
  });

  it('the worker container consumes the email job the api enqueued and delivers it over SMTP', async () => {
    await runRole('worker');
    const staff = await api.login('admin', adminPassword);
    const { queuedStatus, task } = await api.emailAndWait(staff, {
      recipients: ['member@example.com'],
      subject: 'From the worker container',
      body: 'Delivered by the image.',
    });
    expect(queuedStatus).toBe(202);
    expect(task).toMatchObject({ state: 'completed', result: { sent: 1, rejected: [] }, error: null });
    expect(smtp.received.map((mail) => [mail.to, mail.subject])).toContainEqual(['member@example.com', 'From the worker container']);
  });

  it.each(['worker', 'api'])('the %s stops on SIGTERM with exit code 0, within its grace period', async (role) => {
    const started = Date.now();
    await podmanOk(['stop', '-t', '40', name(role)], 60_000);
    const tookMs = Date.now() - started;
    const [status, exitCode] = (await podmanOk(['inspect', '--format', '{{.State.Status}} {{.State.ExitCode}}', name(role)])).split(' ');
    console.log(`[containers] ${role} stopped in ${tookMs} ms`);
    expect({ status, exitCode }).toEqual({ status: 'exited', exitCode: '0' });
    expect(tookMs).toBeLessThan(35_000);
  });

  it('leaves nothing behind that it labelled', async () => {
    await removeLabelled(label);
    expect((await podman(['ps', '-aq', '--filter', `label=${label}`])).stdout.trim()).toBe('');
  });
});
