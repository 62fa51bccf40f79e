import { toHttpError, offlineError, type ApiErrorBody } from './api-error';

interface AccessToken {
  value: string;
  /** epoch ms after which the API will answer TOKEN_EXPIRED */
  expiresAt: number;
  /** epoch ms from which the next request renews it first */
  renewAt: number;
}

/** Renew a little before the API would refuse (15 s, or a quarter of a short lifetime), so a page rarely sees TOKEN_EXPIRED. */
const RENEW_MARGIN_MS = 15_000;

let access: AccessToken | undefined;
let renewing: Promise<boolean> | undefined;

async function post(path: string, body: unknown, token?: string): Promise<Response> {
  try {
    return await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
  } catch {
    throw offlineError();
  }
}

async function keep(response: Response): Promise<void> {
  const body = (await response.json()) as { accessToken: string; expiresIn: number };
  const lifetime = body.expiresIn * 1000;
  const now = Date.now();
  access = { value: body.accessToken, expiresAt: now + lifetime, renewAt: now + lifetime - Math.min(RENEW_MARGIN_MS, lifetime / 4) };
}

/**
 * The console's session. The access token lives in this module's memory only; the refresh token is
 * an HttpOnly cookie (`refreshTokenIn: "cookie"`) scoped to /auth that no script can read. A page
 * reload keeps the session through that cookie.
 */
export const session = {
  async signIn(username: string, password: string): Promise<void> {
    const response = await post('/auth/login', { username, password, refreshTokenIn: 'cookie' });
    if (!response.ok) throw toHttpError(response.status, (await response.json().catch(() => undefined)) as ApiErrorBody | undefined);
    await keep(response);
  },

  /**
   * Exchanges the cookie for a new access token; false when the session is over. Concurrent
   * callers share one exchange: each refresh token works once, and a second use would end the
   * session (the API treats reuse as theft).
   */
  renew(): Promise<boolean> {
    renewing ??= (async () => {
      try {
        const response = await post('/auth/refresh', {});
        if (response.ok) {
          await keep(response);
          return true;
        }
        if (response.status >= 500) throw toHttpError(response.status, (await response.json().catch(() => undefined)) as ApiErrorBody);
        access = undefined;
        return false;
      } finally {
        renewing = undefined;
      }
    })();
    return renewing;
  },

  /** A token good for the next request, renewed first when it is about to expire. */
  async token(): Promise<string | undefined> {
    if (access && Date.now() < access.renewAt) return access.value;
    if (!(await session.renew())) return undefined;
    return access?.value;
  },

  hasToken(): boolean {
    return access !== undefined;
  },

  /** Ends the login at the API (revoking the cookie's token), renewing first if the access token has lapsed. */
  async signOut(): Promise<void> {
    const token = await session.token().catch(() => undefined);
    access = undefined;
    if (token) await post('/auth/logout', {}, token).catch(() => undefined);
  },

  forget(): void {
    access = undefined;
  },
};
