import { get } from 'node:http';
import { freePort, sampleValue } from '@app/testing';
import { runApiOnHeldPort, startApiProcess } from './api-child';

/** A GET on a connection of its own (a kept-alive one would stay with one process): the pid that answered, the body. */
function getOnNewConnection(
  port: number,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ pid: number; status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = get({ host: '127.0.0.1', port, path, headers, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ pid: Number(res.headers['x-process-id']), status: res.statusCode ?? 0, body }));
    });
    req.setTimeout(10_000, () => req.destroy(new Error('no answer within 10 s')));
    req.on('error', reject);
  });
}

/** The pid that answered `GET /health`. */
const answeringPid = (port: number): Promise<number> => getOnNewConnection(port, '/health').then((answer) => answer.pid);

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Asks until `count` different pids have answered (or `timeoutMs` passes); the cluster hands connections out in turn. */
async function pidsAnswering(port: number, count: number, timeoutMs = 120_000, besides: number[] = []): Promise<Set<number>> {
  const pids = new Set<number>();
  const deadline = Date.now() + timeoutMs;
  while (pids.size < count && Date.now() < deadline) {
    const pid = await answeringPid(port).catch(() => undefined);
    if (pid && !besides.includes(pid)) pids.add(pid);
    else await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return pids;
}

describe('API_PROCESSES: several API processes on one port (e2e)', () => {
  it('answers from two processes, starts a crashed one again, and on SIGTERM stops both and exits 0', async () => {
    const port = await freePort();
    const api = await startApiProcess(port, 180_000, { API_PROCESSES: '2' });
    try {
      const first = [...(await pidsAnswering(port, 2))];
      expect(first).toHaveLength(2);
      expect(first).not.toContain(api.child.pid); // the primary hands connections out and serves nothing

      process.kill(first[0], 'SIGKILL');
      const replacement = [...(await pidsAnswering(port, 1, 120_000, first))];
      expect(replacement).toHaveLength(1);
      const serving = [first[1], replacement[0]];

      api.child.kill('SIGTERM');
      await expect(api.exited).resolves.toBe(0);
      expect(serving.filter(alive)).toEqual([]);
    } finally {
      api.child.kill('SIGKILL');
    }
  }, 300_000);

  it('answers a scrape with the metrics of every process, whichever process takes it', async () => {
    const port = await freePort();
    const api = await startApiProcess(port, 180_000, { API_PROCESSES: '2', METRICS_TOKEN: 'scrape-me' });
    try {
      await pidsAnswering(port, 2);
      const served = new Set<number>();
      for (let i = 0; i < 20; i++) {
        const answer = await getOnNewConnection(port, '/lessons?limit=1');
        expect(answer.status).toBe(200);
        served.add(answer.pid);
      }
      expect(served.size).toBe(2);

      const scrapedBy = new Map<number, number | undefined>();
      for (let i = 0; i < 20 && scrapedBy.size < 2; i++) {
        const scrape = await getOnNewConnection(port, '/metrics', { Authorization: 'Bearer scrape-me' });
        expect(scrape.status).toBe(200);
        scrapedBy.set(scrape.pid, sampleValue(scrape.body, 'gym_http_requests_total', { method: 'GET', route: '/lessons', status: '200' }));
      }
      // each process answered some of the 20; each scrape, whoever took it, counts all 20
      expect([...scrapedBy.values()]).toEqual([20, 20]);
    } finally {
      api.child.kill('SIGTERM');
      await api.exited;
    }
  }, 300_000);

  it('stops with exit code 1 and the reason when its processes cannot start (a port in use)', async () => {
    const { code, stderr, port: heldPort } = await runApiOnHeldPort({ API_PROCESSES: '2' });
    expect(code).toBe(1);
    expect(stderr.split('\n')).toContain(`API did not start: port ${heldPort} is already in use: set PORT or stop the other process`);
  }, 180_000);
});
