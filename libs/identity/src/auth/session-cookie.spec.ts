import type { Request } from 'express';
import { readCookie, sessionCookieToken } from './session-cookie';

describe('session cookie', () => {
  it('reads one cookie out of a Cookie header', () => {
    expect(readCookie('theme=dark; access_token=a.b.c; lang=ko', 'access_token')).toBe('a.b.c');
    expect(readCookie('my_access_token=x; access_token=y', 'access_token')).toBe('y');
    expect(readCookie('theme=dark', 'access_token')).toBeNull();
    expect(readCookie(undefined, 'access_token')).toBeNull();
    expect(readCookie('access_token=%E0%A4%A', 'access_token')).toBeNull();
  });

  it('offers the token of GET requests only', () => {
    const request = (method: string) => ({ method, headers: { cookie: 'access_token=a.b.c' } }) as Request;
    expect(sessionCookieToken(request('GET'))).toBe('a.b.c');
    expect(sessionCookieToken(request('POST'))).toBeNull();
    expect(sessionCookieToken(request('PUT'))).toBeNull();
  });
});
