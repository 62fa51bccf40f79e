import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-local';
import { AccountDisabledError, InvalidCredentialsError } from '../identity.errors';
import { UserService } from '../user.service';
import type { User } from '../entities/user.entity';

@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy) {
  constructor(private readonly users: UserService) {
    super({ usernameField: 'username', passwordField: 'password' });
  }

  /** A deactivated account is refused only after its password matched: the refusal tells a guesser nothing. */
  async validate(username: string, password: string): Promise<User> {
    const user = await this.users.authenticate(username, password);
    if (!user) throw new InvalidCredentialsError();
    if (!user.isActive) throw new AccountDisabledError();
    return user;
  }
}
