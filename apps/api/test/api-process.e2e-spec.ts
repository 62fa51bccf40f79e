import { connect } from 'node:net';
import { runApiOnHeldPort, startApiProcess } from './api-child';

const port = 30_000 + (process.pid % 20_000);

/** Sends one HTTP request on a raw socket, its body in two parts with `pause()` in between. */
function slowRequest(path: string, body: string, pause: () => Promise<void>): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(
        `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n`,
      );
      socket.write(body.slice(0, 10));
      void pause().then(() => socket.write(body.slice(10)));
    });
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('API process (e2e)', () => {
  it('on a port another process holds, says so in one line on stderr and exits 1', async () => {
    const { code, stderr, port: heldPort } = await runApiOnHeldPort();
    expect(code).toBe(1);
    expect(stderr.split('\n')).toContain(`API did not start: port ${heldPort} is already in use: set PORT or stop the other process`);
  });

  it('on SIGTERM finishes the request in flight, refuses new ones, closes and exits 0', async () => {
    const { child, exited } = await startApiProcess(port);

    const body = JSON.stringify({ username: `inflight${Date.now()}`, password: 'correct horse', phoneNumber: '010-1234-5678' });
    const answer = await slowRequest('/users', body, async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 500));
      await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow(); // no longer accepting
    });

    expect(answer).toMatch(/^HTTP\/1\.1 201/);
    await expect(exited).resolves.toBe(0);
  }, 180_000);
});
