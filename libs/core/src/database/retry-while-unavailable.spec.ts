import { retryWhileDatabaseUnavailable } from './retry-while-unavailable';

/** An error as mysql2 and Node report a connection fault: a message and a code. */
const faultWith = (code: string) => Object.assign(new Error(`connect ${code} 10.89.0.2:3306`), { code });

/** A step that fails with the given errors, in order, then answers 'done'. */
function stepFailingWith(...errors: Error[]) {
  const calls = { count: 0 };
  const step = async () => {
    const error = errors[calls.count++];
    if (error) throw error;
    return 'done';
  };
  return { step, calls };
}

describe('retryWhileDatabaseUnavailable', () => {
  it.each(['ETIMEDOUT', 'ECONNREFUSED', 'PROTOCOL_CONNECTION_LOST', 'EAI_AGAIN'])('runs the step again after %s', async (code) => {
    const { step, calls } = stepFailingWith(faultWith(code), faultWith(code));
    const lines: string[] = [];
    await expect(retryWhileDatabaseUnavailable(step, { firstDelayMs: 1, log: (line) => lines.push(line) })).resolves.toBe('done');
    expect(calls.count).toBe(3);
    expect(lines).toEqual([
      `MySQL unavailable (connect ${code} 10.89.0.2:3306); attempt 2 of 6 in 1 ms`,
      `MySQL unavailable (connect ${code} 10.89.0.2:3306); attempt 3 of 6 in 2 ms`,
    ]);
  });

  it('gives up after the last attempt with the last error', async () => {
    const { step, calls } = stepFailingWith(...Array.from({ length: 5 }, () => faultWith('ETIMEDOUT')));
    await expect(retryWhileDatabaseUnavailable(step, { attempts: 3, firstDelayMs: 1 })).rejects.toThrow('connect ETIMEDOUT');
    expect(calls.count).toBe(3);
  });

  it('throws any other error at once: a failing migration is not run again', async () => {
    const { step, calls } = stepFailingWith(Object.assign(new Error("Table 'lesson' already exists"), { code: 'ER_TABLE_EXISTS_ERROR' }));
    await expect(retryWhileDatabaseUnavailable(step, { firstDelayMs: 1 })).rejects.toThrow('already exists');
    expect(calls.count).toBe(1);
  });
});
