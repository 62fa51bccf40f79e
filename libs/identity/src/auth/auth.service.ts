import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { CookieOptions } from 'express';
import { AppConfig } from '@app/core';
import type { User } from '../entities/user.entity';
import type { TokenClaims } from './authenticated-user';
import { sessionCookieOptions } from './session-cookie';

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
    return { accessToken, tokenType: 'Bearer', expiresIn: this.config.auth.jwtExpiresInSeconds };
  }

  /** The session cookie's attributes: it lives as long as the token; Secure in production (HTTPS). */
  sessionCookieOptions(path?: string): CookieOptions {
    return sessionCookieOptions(this.config.auth.jwtExpiresInSeconds, this.config.isProduction, path);
  }
}
