/**
 * Fresh members for the booking load: signed up through the public API with a name unique to the
 * run, logged in, and given a purchase that covers the bench lesson. A fresh member holds no
 * booking, so every booking of theirs can succeed.
 */
import { expectStatus, http, login } from './client';

const PASSWORD = 'bench-password';
/** Sign-ups and logins hash with scrypt: a few at a time keeps the API responsive. */
const PARALLEL = 4;

export interface Member {
  id: number;
  token: string;
}

export interface Purchase {
  pricePolicyId: number;
  startDate: string;
}

/** Signs up `count` members named `<prefix>-<n>` and buys each `purchase`. */
export async function freshMembers(port: number, prefix: string, count: number, purchase: Purchase): Promise<Member[]> {
  const members: Member[] = new Array<Member>(count);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) {
      const username = `${prefix}-${i + 1}`;
      const user = expectStatus(
        `sign up ${username}`,
        201,
        await http<{ id: number }>(port, 'POST', '/users', undefined, { username, password: PASSWORD, phoneNumber: '010-0000-0000' }),
      );
      const token = await login(port, username, PASSWORD);
      expectStatus(`credits for ${username}`, 201, await http(port, 'POST', '/credits', token, purchase));
      members[i] = { id: user.json.id, token };
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, count) }, worker));
  return members;
}
