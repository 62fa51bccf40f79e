/**
 * The crash soak's HTTP client. A request that fails at the connection (the API is down, or died
 * while it answered) counts as a connection error, not a failure. A request with an
 * Idempotency-Key is retried with the same key until it gets an answer, as a client should.
 */
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Answer {
  status: number;
  json: unknown;
  replayed: boolean;
}

export class CrashClient {
  readonly statuses = new Map<number, number>();
  /** Error answers by their `code`. */
  readonly codes = new Map<string, number>();
  connectionErrors = 0;
  keyedRequests = 0;
  /** Repeats of a keyed request after a connection error. */
  keyRetries = 0;
  /** Answers with `Idempotent-Replayed: true`. */
  replayed = 0;
  /** Keys that never got an answer but 409 IDEMPOTENCY_KEY_IN_PROGRESS before the retries ran out. */
  keysGivenUp = 0;

  constructor(
    private readonly base: string,
    /** Keyed retries stop after this instant. */
    private readonly retryUntil: () => number,
  ) {}

  /** One request; null when the connection failed. */
  async send(method: string, path: string, token: string, body?: unknown, key?: string): Promise<Answer | null> {
    let answer: Answer;
    try {
      const res = await fetch(`${this.base}${path}`, {
        method,
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          ...(key ? { 'idempotency-key': key } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
      const text = await res.text();
      answer = {
        status: res.status,
        json: text ? (JSON.parse(text) as unknown) : null,
        replayed: res.headers.get('idempotent-replayed') === 'true',
      };
    } catch {
      this.connectionErrors++;
      await sleep(200); // the API is restarting: no busy loop against a closed port
      return null;
    }
    this.statuses.set(answer.status, (this.statuses.get(answer.status) ?? 0) + 1);
    if (answer.replayed) this.replayed++;
    const code = answer.status >= 400 ? (answer.json as { code?: string } | null)?.code : undefined;
    if (code) this.codes.set(code, (this.codes.get(code) ?? 0) + 1);
    return answer;
  }

  /**
   * A request with an Idempotency-Key, repeated with the same key after a connection error or a
   * 409 IDEMPOTENCY_KEY_IN_PROGRESS until it gets another answer. Null when it never did.
   */
  async sendKeyed(method: string, path: string, token: string, key: string, body?: unknown): Promise<Answer | null> {
    this.keyedRequests++;
    for (let attempt = 0; ; attempt++) {
      if (attempt > 0) this.keyRetries++;
      const answer = await this.send(method, path, token, body, key);
      const inProgress = answer?.status === 409 && (answer.json as { code?: string }).code === 'IDEMPOTENCY_KEY_IN_PROGRESS';
      if (answer && !inProgress) return answer;
      if (Date.now() > this.retryUntil() || (inProgress && attempt >= 5)) {
        if (inProgress) this.keysGivenUp++;
        return null;
      }
      if (inProgress) await sleep(500);
    }
  }

  get requests(): number {
    return [...this.statuses.values()].reduce((sum, count) => sum + count, 0);
  }

  get serverErrors(): number {
    return [...this.statuses].filter(([status]) => status >= 500).reduce((sum, [, count]) => sum + count, 0);
  }
}
