import { statSync } from 'node:fs';
import { loadConfig } from '@app/core';
import {
  asArgv,
  dependencies,
  loadCompose,
  loadEnvExample,
  parseYamlFile,
  readRepoFile,
  repoPath,
  serviceEnvironment,
  type ComposeService,
} from './deploy-files';
import { find, loadNginxConfig } from './nginx-config';

// The scaled-out shape (docs/deploy.md, "Scaling out"): several api containers behind nginx, a
// MySQL read replica (profile "replica"), Prometheus and Grafana (profile "monitoring").
const compose = loadCompose();
const service = (name: string): ComposeService => {
  const found = compose.services[name];
  if (!found) throw new Error(`docker-compose.yml has no service "${name}"`);
  return found;
};
/** The host folder a service mounts at `target`. */
const mountedAt = (candidate: ComposeService, target: string) =>
  (candidate.volumes ?? []).map((mount) => mount.split(':')).find(([, inside]) => inside === target)?.[0];
const sqlOf = (script: string) => readRepoFile(script).split('<<EOSQL')[1]?.split('EOSQL')[0] ?? '';

describe('docker-compose.yml: several api containers', () => {
  const api = service('api');

  it('runs the api twice, with no fixed container name (which allows one) and no published port', () => {
    expect(api.deploy?.replicas).toBeGreaterThanOrEqual(2);
    expect(api.container_name).toBeUndefined();
    expect(api.ports).toBeUndefined();
  });

  it('nginx proxies to the service name, which compose resolves to every container of it', () => {
    const upstream = find(find(loadNginxConfig(), 'upstream', 'api')[0]?.children ?? [], 'server');
    expect(upstream.map((server) => server.args[0])).toEqual(['api:8000']);
  });

  it('starts with one process per container and no replicas or metrics unless .env asks', () => {
    const env = serviceEnvironment(api);
    expect({ processes: env.API_PROCESSES, replicas: env.DATABASE_REPLICA_URLS, token: env.METRICS_TOKEN }).toEqual({
      processes: '1',
      replicas: '',
      token: '',
    });
  });

  it('accepts the scaled-out settings the docs give: the replica URL, a metrics token, the worker port', () => {
    const scaled = loadConfig({
      ...serviceEnvironment(api),
      API_PROCESSES: 'auto',
      DATABASE_REPLICA_URLS: documentedReplicaUrl().href,
      METRICS_TOKEN: 'scrape-me',
      WORKER_METRICS_PORT: '9464',
    });
    expect(scaled.db.replicaUrls).toEqual([documentedReplicaUrl().href]);
    expect(scaled.metrics.workerPort).toBe(9464);
  });
});

/** The replica URL .env.example gives for the replica profile. */
function documentedReplicaUrl(): URL {
  const [url] = /mysql:\/\/gym_reader:\S+@mysql-replica:\d+\/\w+/.exec(readRepoFile('.env.example')) ?? [''];
  return new URL(url);
}

describe('docker-compose.yml: the read replica (profile "replica")', () => {
  const source = service('mysql');
  const replica = service('mysql-replica');
  const sourceScript = `${mountedAt(source, '/docker-entrypoint-initdb.d')}/10-replication-users.sh`;
  const replicaScript = `${mountedAt(replica, '/docker-entrypoint-initdb.d')}/10-follow-source.sh`;

  it('is the same server as the source, with another server id, both with GTIDs and a binary log', () => {
    expect(replica.image).toBe(source.image);
    const flag = (candidate: ComposeService, name: string) =>
      asArgv(candidate.command)
        .find((arg) => arg.replace(/^--loose-/, '--').startsWith(`--${name}=`))
        ?.split('=')[1];
    expect([flag(source, 'server-id'), flag(replica, 'server-id')]).toEqual(['1', '2']);
    for (const candidate of [source, replica]) {
      expect(flag(candidate, 'gtid-mode')).toBe('ON');
      expect(flag(candidate, 'enforce-gtid-consistency')).toBe('ON');
      expect(asArgv(candidate.command)).toEqual(expect.arrayContaining(['--character-set-server=utf8mb4']));
    }
    expect(flag(source, 'log-bin')).toBeTruthy();
    // the migrations create a trigger as "gym", which has no SUPER: with a binary log that needs this
    expect(flag(source, 'log-bin-trust-function-creators')).toBe('ON');
    expect(readRepoFile('libs/core/src/database/migrations/Migration20261130062813_audit.ts')).toMatch(/create trigger/);
  });

  it('the source makes, on its first start, a replication user and a SELECT-only reader of the gym database', () => {
    const sql = sqlOf(sourceScript);
    expect(sql).toMatch(/GRANT REPLICATION SLAVE ON \*\.\* TO 'replicator'@'%'/);
    const readerGrants = [...sql.matchAll(/GRANT (.+?) ON (\S+) TO 'gym_reader'@'%'/g)].map((match) => [match[1], match[2]]);
    expect(readerGrants).toEqual([['SELECT', '\\`${MYSQL_DATABASE}\\`.*']]);
    expect(serviceEnvironment(source).MYSQL_DATABASE).toBe('gym');
  });

  it('the replica follows the source service as that user, by GTID, and is read-only even for root', () => {
    const sql = sqlOf(replicaScript);
    expect(sql).toMatch(/CHANGE REPLICATION SOURCE TO/);
    expect(sql).toMatch(/SOURCE_HOST = 'mysql'/);
    expect(sql).toMatch(/SOURCE_USER = 'replicator'/);
    expect(sql).toMatch(/SOURCE_PASSWORD = '\$\{MYSQL_REPLICATION_PASSWORD\}'/);
    expect(sql).toMatch(/SOURCE_AUTO_POSITION = 1/);
    expect(sql).toMatch(/SET PERSIST super_read_only = ON/);
    expect(serviceEnvironment(replica).MYSQL_REPLICATION_PASSWORD).toBe(serviceEnvironment(source).MYSQL_REPLICATION_PASSWORD);
    // its own database or users would clash with the ones replication brings
    expect(serviceEnvironment(replica)).not.toHaveProperty('MYSQL_DATABASE');
    expect(serviceEnvironment(replica)).not.toHaveProperty('MYSQL_USER');
  });

  it('the first-start scripts are sourced by the image (not executable), so they can use its docker_process_sql', () => {
    for (const script of [sourceScript, replicaScript])
      expect({ script, mode: statSync(repoPath(script)).mode & 0o111 }).toEqual({ script, mode: 0 });
  });

  it('the documented replica URL logs in as the reader with its password, on the replica, in the gym database', () => {
    const url = documentedReplicaUrl();
    expect({ user: url.username, password: decodeURIComponent(url.password), host: url.hostname, database: url.pathname.slice(1) }).toEqual(
      {
        user: 'gym_reader',
        password: serviceEnvironment(source).MYSQL_READER_PASSWORD,
        host: 'mysql-replica',
        database: serviceEnvironment(source).MYSQL_DATABASE,
      },
    );
    expect(loadEnvExample().MYSQL_READER_PASSWORD).toBe(serviceEnvironment(source).MYSQL_READER_PASSWORD);
  });

  it('is healthy once it applies transactions; the api waits for it only when the profile is on, the worker never', () => {
    expect(asArgv(replica.healthcheck?.test).join(' ')).toMatch(/SHOW REPLICA STATUS.*Replica_SQL_Running: Yes/);
    expect(service('api').depends_on).toMatchObject({ 'mysql-replica': { condition: 'service_healthy', required: false } });
    expect(dependencies(service('worker')).map(([name]) => name)).not.toContain('mysql-replica');
    expect(dependencies(replica)).toEqual([['mysql', 'service_healthy']]);
  });
});

describe('docker-compose.yml: Prometheus and Grafana (profile "monitoring")', () => {
  const prometheus = service('prometheus');
  const grafana = service('grafana');

  it('Prometheus reads the committed configuration and the token as a secret compose takes from METRICS_TOKEN', () => {
    expect(mountedAt(prometheus, '/etc/prometheus/prometheus.yml')).toBe('./monitoring/prometheus.yml');
    expect(prometheus.secrets).toEqual(['metrics_token']);
    expect(compose.secrets?.metrics_token).toEqual({ environment: 'METRICS_TOKEN' });
    const config = parseYamlFile<{
      scrape_configs: { authorization: { credentials_file: string }; dns_sd_configs: { names: string[]; port: number }[] }[];
    }>('monitoring/prometheus.yml');
    for (const job of config.scrape_configs) {
      expect(job.authorization.credentials_file).toBe('/run/secrets/metrics_token');
      for (const name of job.dns_sd_configs[0].names) expect(compose.services).toHaveProperty(name);
    }
    expect(config.scrape_configs.find((job) => job.dns_sd_configs[0].names.includes('api'))?.dns_sd_configs[0].port).toBe(
      Number(serviceEnvironment(service('api')).PORT),
    );
  });

  it('Grafana gets the provisioning and the dashboards where the provider looks, and the data source names the Prometheus service', () => {
    expect(mountedAt(grafana, '/etc/grafana/provisioning')).toBe('./monitoring/grafana/provisioning');
    const provider = parseYamlFile<{ providers: { options: { path: string } }[] }>('monitoring/grafana/provisioning/dashboards/gym.yml');
    expect(mountedAt(grafana, provider.providers[0].options.path)).toBe('./monitoring/grafana/dashboards');
    const source = parseYamlFile<{ datasources: { url: string }[] }>('monitoring/grafana/provisioning/datasources/prometheus.yml');
    expect(new URL(source.datasources[0].url).hostname).toBe('prometheus');
    expect(dependencies(grafana)).toEqual([['prometheus', 'service_healthy']]);
  });
});
