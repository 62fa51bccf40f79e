import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { RequestContext } from '@mikro-orm/core';
import { AuthService, type User, UserService, type RegisterUserInput } from '@app/identity';
import { forkEm } from './test-app';

let sequence = 0;

export interface Member {
  user: User;
  password: string;
  token: string;
  /** `Authorization` header value. */
  auth: string;
}

/** A member created through the real sign-up code path, with a bearer token. */
export async function newMember(app: INestApplication, overrides: Partial<RegisterUserInput> = {}): Promise<Member> {
  sequence += 1;
  const input: RegisterUserInput = {
    // unique across test files too: Jest restarts this counter per file, in the same process
    username: `member${sequence}_${randomBytes(4).toString('hex')}`,
    password: 'password-123',
    phoneNumber: `010-0000-${String(sequence).padStart(4, '0')}`,
    ...overrides,
  };
  const user = await RequestContext.create(forkEm(app), () => app.get(UserService).register(input));
  const { accessToken } = await app.get(AuthService).issueAccessToken(user);
  return { user, password: input.password, token: accessToken, auth: `Bearer ${accessToken}` };
}

export function newStaff(app: INestApplication, overrides: Partial<RegisterUserInput> = {}): Promise<Member> {
  return newMember(app, { ...overrides, isStaff: true });
}

/** A bearer token for an existing user (one that a seeder created, say). */
export async function memberFor(app: INestApplication, user: User, password = ''): Promise<Member> {
  const { accessToken } = await app.get(AuthService).issueAccessToken(user);
  return { user, password, token: accessToken, auth: `Bearer ${accessToken}` };
}
