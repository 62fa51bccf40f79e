import { loadConfig } from '../config/app-config';
import { createOrmOptions } from './orm-options';
import { isPlainRead, ReadReplicaMySqlDriver } from './read-replica.driver';

describe('read replicas', () => {
  it.each([
    ['select id from lesson where id = ?', true],
    ['  (select id from lesson) union (select id from lesson)', true],
    ['SELECT 1', true],
    ['select id from lesson where id = ? for update', false],
    ['select id from lesson for share', false],
    ['select id from lesson where id = ? LOCK IN SHARE MODE', false],
    ['insert into lesson (id) values (1)', false],
    ['update lesson set max_capacity = 1', false],
    ['delete from lesson', false],
    ['set foreign_key_checks = 0', false],
    ['with x as (select 1) select * from x', false],
  ])('%s: a replica may answer it: %s', (sql, plain) => {
    expect(isPlainRead(sql)).toBe(plain);
  });

  const replicated = loadConfig({ DATABASE_REPLICA_URLS: 'mysql://reader@replica-1:3306/gym,mysql://reader@replica-2:3306/gym' });

  it('gives the API the replicas and the routing driver', () => {
    const options = createOrmOptions(replicated, { readReplicas: true });
    expect(options.driver).toBe(ReadReplicaMySqlDriver);
    expect(options.replicas).toEqual([
      { name: 'replica-1', clientUrl: 'mysql://reader@replica-1:3306/gym' },
      { name: 'replica-2', clientUrl: 'mysql://reader@replica-2:3306/gym' },
    ]);
  });

  it('leaves the worker and the CLI (which do not ask for them) and an empty list on the primary alone', () => {
    expect(createOrmOptions(replicated).replicas).toBeUndefined();
    expect(createOrmOptions(loadConfig({}), { readReplicas: true }).replicas).toBeUndefined();
  });

  it('refuses a replica URL that is not mysql://host/database, naming the variable', () => {
    expect(() => loadConfig({ DATABASE_REPLICA_URLS: 'mysql://reader@replica-1:3306/gym,postgres://x/gym' })).toThrow(
      /DATABASE_REPLICA_URLS must be a comma-separated list/,
    );
  });
});
