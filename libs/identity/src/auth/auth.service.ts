import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '@app/core';
import type { User } from '../entities/user.entity';
import type { TokenClaims } from './authenticated-user';

export interface IssuedToken {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  async issueToken(user: Pick<User, 'id' | 'username' | 'isStaff'>): Promise<IssuedToken> {
    const claims: TokenClaims = { sub: user.id, username: user.username, staff: user.isStaff };
    const accessToken = await this.jwt.signAsync(claims);
    return { accessToken, tokenType: 'Bearer', expiresIn: this.config.jwtExpiresInSeconds };
  }
}
