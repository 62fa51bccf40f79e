import { formatLogLine } from './readable-log';

const at = new Date(2030, 0, 10, 9, 35, 12, 345).getTime(); // local time, as the format shows it

describe('readable development log lines', () => {
  it('writes a request as time, level, method, path, status, ms, request id and statement count, and nothing of its headers', () => {
    const line = JSON.stringify({
      level: 30,
      time: at,
      requestId: 'b1946ac9',
      statements: 2,
      responseTime: 12,
      req: { method: 'GET', url: '/lessons?limit=20', headers: { 'user-agent': 'x'.repeat(500), accept: '*/*' } },
      res: { statusCode: 200, headers: { 'content-type': 'application/json' } },
      msg: 'request completed',
    });
    expect(formatLogLine(line)).toBe('09:35:12.345 INFO  GET /lessons?limit=20 200 12 ms req=b1946ac9 sql=2');
  });

  it('writes a service message with its context, and an error with its stack below', () => {
    expect(formatLogLine(JSON.stringify({ level: 40, time: at, context: 'FeedIndexStore', msg: 'No index yet' }))).toBe(
      '09:35:12.345 WARN  [FeedIndexStore] No index yet',
    );
    const error = formatLogLine(
      JSON.stringify({ level: 50, time: at, msg: 'boom', err: { message: 'boom', stack: 'Error: boom\n    at x' } }),
    );
    expect(error?.split('\n')).toEqual(['09:35:12.345 ERROR boom', 'Error: boom', '    at x']);
  });

  it("leaves out Nest's start-up inventory, not its warnings", () => {
    expect(formatLogLine(JSON.stringify({ level: 30, time: at, context: 'RouterExplorer', msg: 'Mapped {/gym, GET} route' }))).toBeNull();
    expect(formatLogLine(JSON.stringify({ level: 40, time: at, context: 'InstanceLoader', msg: 'slow' }))).toBe(
      '09:35:12.345 WARN  [InstanceLoader] slow',
    );
  });

  it('passes through a line that is not JSON', () => {
    expect(formatLogLine('plain text\n')).toBe('plain text');
  });
});
