import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/**
 * Whether an `Authorization` header carries the metrics token. Both sides are hashed first, so
 * the comparison is constant-time whatever the lengths (`timingSafeEqual` wants equal lengths, and
 * an early length check would tell the token's length).
 */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  const sent = match ? match[1] : '';
  return timingSafeEqual(digest(sent), digest(token)) && sent !== '' && token !== '';
}
