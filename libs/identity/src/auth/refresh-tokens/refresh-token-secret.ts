import { createHash, randomBytes } from 'node:crypto';

/** What a client holds: 32 random bytes, base64url (43 characters). Opaque: it carries no claims. */
export function newRefreshTokenSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** What the table stores and looks tokens up by: hex SHA-256. A fast hash suffices for 256 random bits. */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A new login's family id: hex of 16 random bytes. */
export function newRefreshTokenFamily(): string {
  return randomBytes(16).toString('hex');
}
