import type { User } from '../../entities/user.entity';
import { RefreshToken } from './refresh-token.entity';
import { hashRefreshToken, newRefreshTokenFamily, newRefreshTokenSecret } from './refresh-token-secret';

describe('refresh token secrets', () => {
  it('are 32 random bytes in base64url, never the same twice', () => {
    const tokens = Array.from({ length: 50 }, newRefreshTokenSecret);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Set(tokens).size).toBe(tokens.length);
    expect(newRefreshTokenFamily()).toMatch(/^[0-9a-f]{32}$/);
  });

  it('are stored as their hex SHA-256', () => {
    expect(hashRefreshToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('RefreshToken', () => {
  const user = { id: 1 } as User;
  const issued = new Date('2030-01-10T01:00:00.750Z');

  it('expires at its expiry instant, in whole seconds as the column stores it', () => {
    const token = new RefreshToken({
      user,
      familyId: 'f',
      tokenHash: 'h',
      createdAt: issued,
      expiresAt: new Date('2030-02-09T01:00:00.750Z'),
    });
    expect(token.expiresAt.toISOString()).toBe('2030-02-09T01:00:00.000Z');
    expect(token.isExpiredAt(new Date('2030-02-09T00:59:59.999Z'))).toBe(false);
    expect(token.isExpiredAt(new Date('2030-02-09T01:00:00.000Z'))).toBe(true);
  });

  it('refuses to be issued already expired', () => {
    expect(() => new RefreshToken({ user, familyId: 'f', tokenHash: 'h', createdAt: issued, expiresAt: issued })).toThrow(/expire after/);
  });
});
