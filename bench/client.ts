/** The bench's own HTTP calls (set-up and the one-off probes), outside the measured load. */

export interface Answer<T> {
  status: number;
  json: T;
  /** X-Query-Count: statements the request ran (development mode only). */
  statements: number | null;
}

export async function http<T>(port: number, method: string, path: string, token?: string, body?: unknown): Promise<Answer<T>> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const count = res.headers.get('x-query-count');
  let json: unknown = text;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // not JSON (an HTML error page, say): keep the text for the error message
  }
  return { status: res.status, json: json as T, statements: count === null ? null : Number(count) };
}

/** Throws unless the answer has the expected status; returns it otherwise. */
export function expectStatus<T>(what: string, expected: number, answer: Answer<T>): Answer<T> {
  if (answer.status !== expected) throw new Error(`${what}: expected ${expected}, got ${answer.status} ${JSON.stringify(answer.json)}`);
  return answer;
}

export async function login(port: number, username: string, password: string): Promise<string> {
  return expectStatus(
    `login as ${username}`,
    200,
    await http<{ accessToken: string }>(port, 'POST', '/auth/login', undefined, { username, password }),
  ).json.accessToken;
}
