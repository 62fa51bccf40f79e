/** A placeholder origin: a path that resolves against it to another origin would leave the site. */
const HERE = 'http://same-site.invalid';

/** Where a signed-in browser goes when the login was not asked for by a page. */
export const DEFAULT_NEXT_PATH = '/admin/queues';

/**
 * The `?next=` of the login form as a path on this site, or `fallback`. Only a relative path that
 * starts with one `/` is kept: `//evil.com`, `/\evil.com` (browsers read `\` as `/`),
 * `https://…`, `javascript:…` and anything with control characters (the URL parser drops tabs and
 * newlines, so `/\t/evil.com` would become `//evil.com`) are refused. The login and logout pages
 * themselves are refused too, so the form never sends a browser round in a loop.
 */
export function safeNextPath(next: unknown, fallback: string = DEFAULT_NEXT_PATH): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//')) return fallback;
  if ([...next].some((char) => char === '\\' || char <= '\u001f' || char === '\u007f')) return fallback;
  let url: URL;
  try {
    url = new URL(next, HERE);
  } catch {
    return fallback;
  }
  if (url.origin !== HERE || url.pathname === '/login' || url.pathname === '/logout') return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
