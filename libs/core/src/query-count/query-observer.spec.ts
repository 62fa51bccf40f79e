import { Logger } from '@nestjs/common';
import { NPlusOneDetectedError } from './n-plus-one.error';
import { createQueryObserver } from './query-observer';
import { QueryScope, QueryScopes } from './query-scope';

describe('createQueryObserver', () => {
  afterEach(() => jest.restoreAllMocks());

  const repeat = (observe: (sql: string, params: unknown[]) => string, times: number) => {
    for (let i = 1; i <= times; i++) observe(`select * from \`image\` where id = ${i}`, []);
  };

  it('counts statements only inside a scope', () => {
    const observe = createQueryObserver({ threshold: 10, mode: 'throw' });
    expect(observe('select 1', [])).toBe('select 1');
    const scope = new QueryScope();
    QueryScopes.run(scope, () => repeat(observe, 3));
    expect(scope.count).toBe(3);
  });

  it('throws past the threshold in throw mode', () => {
    const observe = createQueryObserver({ threshold: 3, mode: 'throw' });
    QueryScopes.run(new QueryScope(), () => {
      repeat(observe, 3);
      expect(() => observe('select * from `image` where id = 99', [])).toThrow(NPlusOneDetectedError);
    });
  });

  it('lets statements repeat inside QueryScopes.inBatches, still counting them, and watches again after', async () => {
    const observe = createQueryObserver({ threshold: 3, mode: 'throw' });
    const scope = new QueryScope();
    await QueryScopes.run(scope, async () => {
      await QueryScopes.inBatches(async () => repeat(observe, 8));
      expect(scope.count).toBe(8);
      repeat(observe, 3);
      expect(() => observe('select * from `image` where id = 99', [])).toThrow(NPlusOneDetectedError);
    });
  });

  it('logs one warning per shape in warn mode and lets the statements run', () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const observe = createQueryObserver({ threshold: 3, mode: 'warn' });
    QueryScopes.run(new QueryScope(), () => repeat(observe, 8));
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toMatch(/ran 4 times in one request: select \* from `image` where id = \?/);
  });

  it('only counts in off mode', () => {
    const observe = createQueryObserver({ threshold: 3, mode: 'off' });
    const scope = new QueryScope();
    QueryScopes.run(scope, () => repeat(observe, 8));
    expect(scope.count).toBe(8);
    expect(scope.statements).toEqual([]);
  });

  it('keeps the text only for scopes that ask for it', () => {
    const observe = createQueryObserver({ threshold: 10, mode: 'warn' });
    const plain = new QueryScope();
    const keeping = new QueryScope({ keepText: true });
    QueryScopes.run(plain, () => repeat(observe, 2));
    QueryScopes.run(keeping, () => repeat(observe, 2));
    expect(plain.statements).toEqual([]);
    expect(keeping.statements).toEqual(['select * from `image` where id = 1', 'select * from `image` where id = 2']);
  });

  it('stays silent at the threshold', () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const observe = createQueryObserver({ threshold: 3, mode: 'warn' });
    QueryScopes.run(new QueryScope(), () => repeat(observe, 3));
    expect(warn).not.toHaveBeenCalled();
  });
});
