/** The few API calls the container specs make, over real HTTP with Node's fetch. */
export class ApiClient {
  constructor(readonly baseUrl: string) {}

  async call<T = Record<string, unknown>>(
    method: string,
    path: string,
    token?: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: (text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as T,
    };
  }

  async login(username: string, password: string): Promise<string> {
    const { status, body } = await this.call<{ accessToken: string }>('POST', '/auth/login', undefined, { username, password });
    if (status !== 200) throw new Error(`login as ${username}: ${status} ${JSON.stringify(body)}`);
    return body.accessToken;
  }

  /** Queues one email through `POST /emails` and waits for its task to finish. */
  async emailAndWait(
    token: string,
    email: { recipients: string[]; subject: string; body: string },
    timeoutMs = 90_000,
  ): Promise<{ queuedStatus: number; task: { state: string; result: unknown; error: unknown } }> {
    const queued = await this.call<{ taskId: string }>('POST', '/emails', token, email);
    if (queued.status !== 202) return { queuedStatus: queued.status, task: { state: 'not queued', result: null, error: queued.body } };
    return { queuedStatus: queued.status, task: await this.finishedTask(token, queued.body.taskId, timeoutMs) };
  }

  /** Waits for a background task to finish (completed or failed) and returns it. */
  async finishedTask(token: string, taskId: string, timeoutMs = 60_000): Promise<{ state: string; result: unknown; error: unknown }> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { body } = await this.call<{ state: string; result: unknown; error: unknown }>('GET', `/tasks/${taskId}`, token);
      if (body.state === 'completed' || body.state === 'failed' || Date.now() > deadline) return body;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}
