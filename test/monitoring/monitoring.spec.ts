import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Metrics } from '@app/core';
import { parseYamlFile, readRepoFile, REPO_ROOT } from '../deploy/deploy-files';

interface Panel {
  type: string;
  title: string;
  datasource?: { uid: string };
  targets?: { expr: string }[];
}

const DASHBOARD = 'monitoring/grafana/dashboards/gym-dashboard.json';

/** The metric names a PromQL expression reads: what is left once strings, matchers, ranges, groupings and calls are gone. */
function metricNamesIn(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '')
    .replace(/\{[^}]*\}/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\b(by|without)\s*\([^)]*\)/g, '')
    .replace(/\b\d+(\.\d+)?(e[-+]?\d+)?\b/gi, '');
  return [...bare.matchAll(/[a-zA-Z_:][\w:]*(?!\s*\(|[\w:])/g)].map((match) => match[0]);
}

/** Every `.ts` file under a folder, specs left out. */
function sources(dir: string): string[] {
  return readdirSync(join(REPO_ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts'))
    .map((entry) => relative(REPO_ROOT, join(entry.parentPath, entry.name)));
}

/** The series names the code exposes: those it declares (`metrics.histogram({ name: … })`), with a histogram's three, and Node's defaults. */
function exposedSeries(): Set<string> {
  const names = new Set<string>();
  for (const file of [...sources('libs'), ...sources('apps/api/src'), ...sources('apps/worker/src')]) {
    for (const [, kind, name] of readRepoFile(file).matchAll(/metrics\.(counter|gauge|histogram)\(\{\s*name: '(\w+)'/g)) {
      if (kind === 'histogram') for (const suffix of ['_bucket', '_sum', '_count']) names.add(name + suffix);
      else names.add(name);
    }
  }
  for (const metric of new Metrics().registry.getMetricsAsArray()) {
    const { name, type } = metric as unknown as { name: string; type: string };
    if (type === 'histogram') for (const suffix of ['_bucket', '_sum', '_count']) names.add(name + suffix);
    else names.add(name);
  }
  return names;
}

describe('monitoring/: the Grafana dashboard and the Prometheus scrape', () => {
  const dashboard = JSON.parse(readRepoFile(DASHBOARD)) as { uid: string; title: string; panels: Panel[] };
  const graphs = dashboard.panels.filter((panel) => panel.type !== 'row');

  it('reads the metric names out of PromQL', () => {
    expect(metricNamesIn('histogram_quantile(0.99, sum by (le, route) (rate(a_bucket{status=~"5.."}[5m])))')).toEqual(['a_bucket']);
    expect(metricNamesIn('time() - max(b_seconds) / clamp_min(sum(rate(c_total[5m])), 1e-9) * 60')).toEqual(['b_seconds', 'c_total']);
  });

  it('is a dashboard JSON with panels that each query the provisioned Prometheus', () => {
    expect(dashboard).toMatchObject({ uid: 'gym-platform', title: 'Gym platform' });
    expect(graphs.length).toBeGreaterThan(10);
    const datasource = parseYamlFile<{ datasources: { uid: string; url: string }[] }>(
      'monitoring/grafana/provisioning/datasources/prometheus.yml',
    );
    for (const panel of graphs) {
      expect({ panel: panel.title, uid: panel.datasource?.uid }).toEqual({ panel: panel.title, uid: datasource.datasources[0].uid });
      expect(panel.targets?.length ?? 0).toBeGreaterThan(0);
    }
  });

  it('queries only metrics the code exposes', () => {
    const exposed = exposedSeries();
    expect(exposed).toContain('gym_http_request_duration_seconds_bucket');
    expect(exposed).toContain('process_cpu_seconds_total');
    const queried = graphs.flatMap((panel) => panel.targets!.flatMap((target) => metricNamesIn(target.expr)));
    expect(queried.length).toBeGreaterThan(graphs.length);
    expect([...new Set(queried)].filter((name) => !exposed.has(name))).toEqual([]);
  });

  it('scrapes the API and the worker at /metrics with the bearer token, the worker on the port the docs give', () => {
    const config = parseYamlFile<{
      scrape_configs: {
        job_name: string;
        metrics_path: string;
        authorization: { type: string; credentials_file: string };
        dns_sd_configs: { names: string[]; port: number }[];
      }[];
    }>('monitoring/prometheus.yml');
    const jobs = Object.fromEntries(config.scrape_configs.map((job) => [job.job_name, job]));
    expect(Object.keys(jobs).sort()).toEqual(['api', 'worker']);
    for (const job of Object.values(jobs)) {
      expect(job.metrics_path).toBe('/metrics');
      expect(job.authorization).toEqual({ type: 'Bearer', credentials_file: '/run/secrets/metrics_token' });
    }
    expect(jobs.api.dns_sd_configs[0]).toMatchObject({ names: ['api'], port: 8000 });
    expect(jobs.worker.dns_sd_configs[0]).toMatchObject({ names: ['worker'], port: 9464 });
    expect(readRepoFile('docs/metrics.md')).toContain('WORKER_METRICS_PORT=9464');
  });
});
