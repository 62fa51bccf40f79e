import { DeadlockException, UniqueConstraintViolationException } from '@mikro-orm/core';
import { retryOnDeadlock } from './retry-on-deadlock';

describe('retryOnDeadlock', () => {
  const deadlock = () => new DeadlockException(new Error('Deadlock found when trying to get lock'));

  it('runs the transaction again after a deadlock', async () => {
    const attempts: number[] = [];
    const result = await retryOnDeadlock(async () => {
      attempts.push(attempts.length + 1);
      if (attempts.length < 3) throw deadlock();
      return 'done';
    });
    expect(result).toBe('done');
    expect(attempts).toEqual([1, 2, 3]);
  });

  it('gives up after the last attempt with the deadlock', async () => {
    let calls = 0;
    await expect(
      retryOnDeadlock(async () => {
        calls += 1;
        throw deadlock();
      }, 2),
    ).rejects.toBeInstanceOf(DeadlockException);
    expect(calls).toBe(2);
  });

  it('does not retry other errors', async () => {
    let calls = 0;
    const error = new UniqueConstraintViolationException(new Error('Duplicate entry'));
    await expect(
      retryOnDeadlock(async () => {
        calls += 1;
        throw error;
      }),
    ).rejects.toBe(error);
    expect(calls).toBe(1);
  });
});
