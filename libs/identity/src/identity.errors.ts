import { DomainError } from '@app/core';

export class UsernameTakenError extends DomainError {
  constructor(username: string) {
    super('USERNAME_TAKEN', `The username "${username}" is taken`);
  }
}

export class InvalidCredentialsError extends DomainError {
  constructor(message = 'Wrong username or password') {
    super('INVALID_CREDENTIALS', message);
  }
}

/** `POST /auth/refresh` with a token that is unknown, expired, revoked or already exchanged. */
export class InvalidRefreshTokenError extends DomainError {
  constructor(message = 'The refresh token is unknown, expired or revoked; log in again') {
    super('INVALID_REFRESH_TOKEN', message);
  }
}

/** Login, or a token issued before staff deactivated the account. */
export class AccountDisabledError extends DomainError {
  constructor() {
    super('ACCOUNT_DISABLED');
  }
}

/** `PATCH /users/:id` that would leave the gym without an active staff member. */
export class LastStaffError extends DomainError {
  constructor() {
    super('LAST_STAFF', 'This is the last active staff member: promote or reactivate another one first');
  }
}
