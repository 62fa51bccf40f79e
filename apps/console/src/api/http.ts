import { HttpError } from 'react-admin';
import { offlineError, toHttpError, type ApiErrorBody } from './api-error';
import { session } from './session';

export type Query = Record<string, string | number | boolean | undefined | null>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Query;
  /** JSON unless `contentType` says otherwise (a CSV import sends text) */
  body?: unknown;
  contentType?: string;
}

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function send(path: string, options: RequestOptions, token: string | undefined): Promise<Response> {
  const contentType = options.contentType ?? 'application/json';
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['Content-Type'] = contentType;
  try {
    return await fetch(withQuery(path, options.query), {
      method: options.method ?? 'GET',
      headers,
      credentials: 'same-origin',
      body:
        options.body === undefined ? undefined : contentType === 'application/json' ? JSON.stringify(options.body) : String(options.body),
    });
  } catch {
    throw offlineError();
  }
}

/**
 * One call to the API as the signed-in staff member. An access token that expired anyway (a laptop
 * that slept) is renewed once and the call repeated; a session that cannot be renewed surfaces as a
 * 401, which the auth provider turns into the login page (and back here after it).
 */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  let response = await send(path, options, await session.token());
  if (response.status === 401) {
    const body = (await response
      .clone()
      .json()
      .catch(() => undefined)) as ApiErrorBody | undefined;
    if (body?.code === 'TOKEN_EXPIRED' && (await session.renew())) response = await send(path, options, await session.token());
  }
  if (response.status === 204) return undefined as T;
  const body = (await response.json().catch(() => undefined)) as unknown;
  if (!response.ok) throw toHttpError(response.status, body as ApiErrorBody | undefined);
  return body as T;
}

export function isHttpError(error: unknown): error is HttpError {
  return error instanceof HttpError;
}
