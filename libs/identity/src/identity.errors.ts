import { ConflictError, UnauthenticatedError } from '@app/core';

export class UsernameTakenError extends ConflictError {
  constructor(username: string) {
    super('USERNAME_TAKEN', `The username "${username}" is taken`);
  }
}

export class InvalidCredentialsError extends UnauthenticatedError {
  constructor() {
    super('INVALID_CREDENTIALS', 'Wrong username or password');
  }
}
