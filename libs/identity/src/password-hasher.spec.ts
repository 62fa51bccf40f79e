import { PasswordHasher } from './password-hasher';

describe('PasswordHasher', () => {
  const hasher = new PasswordHasher();

  it('stores scrypt with its parameters and a random salt, never the password', async () => {
    const [first, second] = [await hasher.hash('correct horse'), await hasher.hash('correct horse')];
    expect(first).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(first).not.toContain('correct horse');
    expect(first).not.toBe(second);
  });

  it('verifies the right password and refuses a wrong or altered one', async () => {
    const stored = await hasher.hash('correct horse');
    await expect(hasher.verify('correct horse', stored)).resolves.toBe(true);
    await expect(hasher.verify('correct hors', stored)).resolves.toBe(false);
    const parts = stored.split('$');
    parts[5] = (parts[5].startsWith('A') ? 'B' : 'A') + parts[5].slice(1);
    await expect(hasher.verify('correct horse', parts.join('$'))).resolves.toBe(false);
    await expect(hasher.verify('correct horse', 'md5$abc')).resolves.toBe(false);
  });
});
