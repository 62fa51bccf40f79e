import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Request, Response } from 'express';
import { AppConfig } from '@app/core';
import type { User } from '../entities/user.entity';
import { UserService } from '../user.service';
import type { TokenClaims } from './authenticated-user';
import { SESSION_COOKIE, SESSION_COOKIE_PATHS, sessionCookieOptions } from './session-cookie';

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
    private readonly users: UserService,
  ) {}

  async issueToken(user: Pick<User, 'id' | 'username' | 'isStaff'>): Promise<IssuedToken> {
    const claims: TokenClaims = { sub: user.id, username: user.username, staff: user.isStaff };
    const accessToken = await this.jwt.signAsync(claims);
    return { accessToken, tokenType: 'Bearer', expiresIn: this.config.auth.jwtExpiresInSeconds };
  }

  /** A token for these credentials, or null when they are wrong (the `/login` form's path). */
  async signIn(username: string, password: string): Promise<IssuedToken | null> {
    const user = await this.users.authenticate(username, password);
    return user ? this.issueToken(user) : null;
  }

  /**
   * Sets the token as the session cookie below every staff page's path. It lives as long as the
   * token and is Secure when the request came over https (behind a proxy: `TRUST_PROXY_HOPS`), so
   * a plain-http deployment still gets a cookie its browser sends back.
   */
  setSessionCookies(request: Request, response: Response, token: IssuedToken): void {
    for (const path of SESSION_COOKIE_PATHS) {
      response.cookie(SESSION_COOKIE, token.accessToken, sessionCookieOptions(token.expiresIn, request.secure, path));
    }
  }

  clearSessionCookies(request: Request, response: Response): void {
    for (const path of SESSION_COOKIE_PATHS) {
      const { maxAge: _maxAge, ...options } = sessionCookieOptions(0, request.secure, path);
      response.clearCookie(SESSION_COOKIE, options);
    }
  }
}
