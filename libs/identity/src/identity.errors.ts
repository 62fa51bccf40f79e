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
