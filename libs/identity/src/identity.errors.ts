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
