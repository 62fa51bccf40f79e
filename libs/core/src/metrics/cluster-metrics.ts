/*
 * Several API processes on one port (`API_PROCESSES`, node's cluster module) are one scrape target:
 * a scrape reaches one of them at random, and on its own it would report only its own counters,
 * which would then jump between processes. So the process that takes the scrape asks the
 * primary, the primary asks every process for its registry (prom-client's `AggregatorRegistry`,
 * over the cluster's IPC channel) and answers with their aggregate: counters and histograms
 * summed, gauges summed unless they say otherwise (`aggregator`: a value every process reads
 * from one shared source, such as a queue's length in Redis, is its `max`).
 */
import cluster from 'node:cluster';
import { AggregatorRegistry, type Registry } from 'prom-client';

const ASK = 'gym:cluster-metrics:ask';
const ANSWER = 'gym:cluster-metrics:answer';
/** A second more than prom-client's own 5 s bound on the primary collecting from its workers. */
const ANSWER_TIMEOUT_MS = 6_000;

interface Ask {
  type: typeof ASK;
  id: number;
}
interface Answer {
  type: typeof ANSWER;
  id: number;
  text?: string;
  error?: string;
}

/** Whether this process is one of several API processes on one port (a cluster worker). */
export function inClusterWorker(): boolean {
  return cluster.isWorker;
}

/** In a cluster worker: let the primary collect `registry` when it aggregates. */
export function shareWithClusterPrimary(registry: Registry): void {
  AggregatorRegistry.setRegistries([registry]);
  // its constructor adds the listener that answers the primary's requests
  new AggregatorRegistry();
}

/** In the primary: answer each worker's `clusterMetricsText()` with every worker's metrics aggregated. */
export function serveClusterMetrics(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker, message: Partial<Ask>) => {
    if (message?.type !== ASK || typeof message.id !== 'number') return;
    const id = message.id;
    const reply = (answer: Omit<Answer, 'type' | 'id'>) => {
      if (worker.isConnected()) worker.send({ type: ANSWER, id, ...answer } satisfies Answer);
    };
    aggregator.clusterMetrics().then(
      (text) => reply({ text }),
      (error: unknown) => reply({ error: error instanceof Error ? error.message : String(error) }),
    );
  });
}

let asked = 0;

/** In a cluster worker: the exposition text of every process of the cluster, through the primary. */
export function clusterMetricsText(): Promise<string> {
  const id = ++asked;
  return new Promise((resolve, reject) => {
    const onMessage = (message: Partial<Answer>) => {
      if (message?.type !== ANSWER || message.id !== id) return;
      finish();
      if (message.text !== undefined) resolve(message.text);
      else reject(new Error(`The cluster's metrics could not be collected: ${message.error ?? 'no answer'}`));
    };
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`The cluster's primary did not answer within ${ANSWER_TIMEOUT_MS} ms`));
    }, ANSWER_TIMEOUT_MS);
    const finish = () => {
      clearTimeout(timer);
      process.off('message', onMessage);
    };
    process.on('message', onMessage);
    process.send!({ type: ASK, id } satisfies Ask);
  });
}
