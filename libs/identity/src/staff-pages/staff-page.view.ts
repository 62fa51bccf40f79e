import { randomBytes } from 'node:crypto';
import type { Response } from 'express';

/** A small server-rendered page: status, headers and the HTML, all text escaped. */
export interface HtmlPage {
  status: number;
  headers: Record<string, string>;
  html: string;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]);
}

const STYLE = `
  body { font-family: "Noto Sans KR", "Malgun Gothic", sans-serif; margin: 0; color: #111; background: #f4f4f4; word-break: keep-all; }
  main { max-width: 360px; margin: 12vh auto; background: #fff; padding: 24px 28px; border: 1px solid #ccc; border-radius: 6px; }
  h1 { font-size: 20px; margin: 0 0 16px; }
  label { display: block; margin: 12px 0 4px; }
  input { width: 100%; box-sizing: border-box; padding: 6px 8px; font-size: 15px; }
  button { margin-top: 20px; padding: 8px 20px; font-size: 15px; }
  .message { color: #a40000; margin: 0 0 8px; }`;

/**
 * No script at all; the one style block runs under a per-response nonce, and the form may post
 * only to this origin (no `upgrade-insecure-requests`: the form must work over plain http too).
 */
function page(status: number, title: string, body: string): HtmlPage {
  const nonce = randomBytes(18).toString('base64');
  const policy = [
    "default-src 'none'",
    `style-src 'nonce-${nonce}'`,
    "img-src 'none'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  const html = `<!doctype html>
<html lang="ko">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style nonce="${nonce}">${STYLE}
</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
  return {
    status,
    html,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': policy,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    },
  };
}

export interface LoginFormState {
  /** Where to go once signed in: already checked by `safeNextPath`. */
  next: string;
  username?: string;
  message?: string;
}

/** The staff sign-in form: it posts back to `/login`, carrying `next` in a hidden field. */
export function renderLoginPage(state: LoginFormState, status = 200): HtmlPage {
  const message = state.message ? `<p class="message" id="message" role="alert">${escapeHtml(state.message)}</p>` : '';
  return page(
    status,
    '직원 로그인 · Staff sign-in',
    `<h1>직원 로그인 <small>Staff sign-in</small></h1>
${message}<form method="post" action="/login">
  <input type="hidden" name="next" value="${escapeHtml(state.next)}">
  <label for="username">아이디 (username)</label>
  <input id="username" name="username" autocomplete="username" required value="${escapeHtml(state.username ?? '')}">
  <label for="password">비밀번호 (password)</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required>
  <button type="submit" id="sign-in">로그인 · Sign in</button>
</form>`,
  );
}

/** Signed in, but not as staff: say who, and offer to sign in as someone else. */
export function renderForbiddenPage(username: string, next: string): HtmlPage {
  const relogin = `/logout?next=${encodeURIComponent(next)}`;
  return page(
    403,
    '직원 전용 · Staff only',
    `<h1>직원 전용 페이지 <small>Staff only</small></h1>
<p id="message" role="alert">Signed in as <strong id="username">${escapeHtml(username)}</strong>, who is not staff: this page is for staff only.</p>
<p><a id="switch-user" href="${escapeHtml(relogin)}">다른 계정으로 로그인 · Sign in as someone else</a></p>`,
  );
}

export function sendPage(response: Response, page: HtmlPage): void {
  response.status(page.status).set(page.headers).send(page.html);
}
