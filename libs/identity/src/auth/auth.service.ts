import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Request, Response } from 'express';
import { AppConfig } from '@app/core';
import type { User } from '../entities/user.entity';
import { InvalidRefreshTokenError } from '../identity.errors';
import { type RegisterUserInput, UserService } from '../user.service';
import type { TokenClaims } from './authenticated-user';
import { RefreshTokenService } from './refresh-tokens/refresh-token.service';
import {
  readCookie,
  REFRESH_COOKIE,
  refreshCookieOptions,
  SESSION_COOKIE,
  SESSION_COOKIE_PATHS,
  sessionCookieOptions,
} from './session-cookie';

/** A short-lived bearer token. */
export interface IssuedToken {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
}

/** What a login, a sign-up and a refresh answer: an access token and the refresh token that renews it. */
export interface TokenPair extends IssuedToken {
  refreshToken: string;
}

/** Where a login's refresh token travels: in the answer (apps), or in the `refresh_token` cookie (browser apps). */
export type RefreshTokenTransport = 'body' | 'cookie';

const DAY_SECONDS = 86_400;

@Injectable()
export class AuthService {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    private readonly users: UserService,
    private readonly refreshTokens: RefreshTokenService,
  ) {}

  /** An access token alone (the staff pages' session cookie, test factories). No statement. */
  async issueAccessToken(user: Pick<User, 'id' | 'username' | 'isStaff'>): Promise<IssuedToken> {
    const claims: TokenClaims = { sub: user.id, username: user.username, staff: user.isStaff };
    const accessToken = await this.jwt.signAsync(claims);
    return { accessToken, tokenType: 'Bearer', expiresIn: this.config.auth.jwtExpiresInSeconds };
  }

  /** A new login: an access token and the first refresh token of a new family. */
  async startSession(user: Pick<User, 'id' | 'username' | 'isStaff'>): Promise<TokenPair> {
    const [access, refreshToken] = await Promise.all([this.issueAccessToken(user), this.refreshTokens.issue(user)]);
    return { ...access, refreshToken };
  }

  /** Creates a member and logs them in: the sign-up answers usable tokens. */
  async signUp(input: RegisterUserInput): Promise<{ user: User; tokens: TokenPair }> {
    const user = await this.users.register(input);
    return { user, tokens: await this.startSession(user) };
  }

  /**
   * Exchanges a refresh token for a new pair (the old one stops working). The access token is signed
   * from the user as the database has them now, so a changed staff right is in the new token.
   */
  async refresh(refreshToken: string): Promise<TokenPair> {
    const { user, refreshToken: next } = await this.refreshTokens.rotate(refreshToken);
    return { ...(await this.issueAccessToken(user)), refreshToken: next };
  }

  /** Ends the login the refresh token belongs to (see `RefreshTokenService.revokeFamilyOf`). */
  async logout(userId: number, refreshToken: string): Promise<void> {
    await this.refreshTokens.revokeFamilyOf(userId, refreshToken);
  }

  /**
   * Hands a login's (or a refresh's) tokens to the client: the staff pages' session cookies always;
   * the refresh token in the answer, or (`cookie`) only in the HttpOnly `refresh_token` cookie, so
   * that a browser app's scripts never see it.
   */
  deliver(request: Request, response: Response, tokens: TokenPair, transport: RefreshTokenTransport): TokenPair | IssuedToken {
    this.setSessionCookies(request, response, tokens);
    if (transport === 'body') return tokens;
    const { refreshToken, ...access } = tokens;
    response.cookie(REFRESH_COOKIE, refreshToken, refreshCookieOptions(this.config.auth.refreshTokenDays * DAY_SECONDS, request.secure));
    return access;
  }

  /**
   * `POST /auth/refresh`: the body's refresh token, else the `refresh_token` cookie's, answered the
   * same way it came. A refused cookie is cleared (the browser stops sending a dead token); a
   * reused one revokes its login exactly as in the body (`RefreshTokenService.rotate`).
   */
  async refreshFrom(request: Request, response: Response, bodyToken: string | undefined): Promise<TokenPair | IssuedToken> {
    const transport: RefreshTokenTransport = bodyToken === undefined ? 'cookie' : 'body';
    const token = bodyToken ?? readCookie(request.headers.cookie, REFRESH_COOKIE);
    try {
      if (token === null) throw new InvalidRefreshTokenError('No refresh token: send refreshToken in the body or the refresh_token cookie');
      return this.deliver(request, response, await this.refresh(token), transport);
    } catch (error) {
      if (transport === 'cookie' && error instanceof InvalidRefreshTokenError) this.clearRefreshCookie(request, response);
      throw error;
    }
  }

  /**
   * `POST /auth/logout`: ends the login of the body's refresh token, else of the cookie's, and
   * clears the refresh cookie and the session cookies. With neither there is nothing to revoke:
   * still 204 (the cookies are cleared all the same), as for an unknown token.
   */
  async logoutFrom(request: Request, response: Response, userId: number, bodyToken: string | undefined): Promise<void> {
    const token = bodyToken ?? readCookie(request.headers.cookie, REFRESH_COOKIE);
    if (token !== null) await this.logout(userId, token);
    this.clearRefreshCookie(request, response);
    this.clearSessionCookies(request, response);
  }

  /** An access token for these credentials, or why not (the `/login` form's path). */
  async signIn(username: string, password: string): Promise<IssuedToken | 'INVALID_CREDENTIALS' | 'ACCOUNT_DISABLED'> {
    const user = await this.users.authenticate(username, password);
    if (!user) return 'INVALID_CREDENTIALS';
    return user.isActive ? this.issueAccessToken(user) : 'ACCOUNT_DISABLED';
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

  clearRefreshCookie(request: Request, response: Response): void {
    const { maxAge: _maxAge, ...options } = refreshCookieOptions(0, request.secure);
    response.clearCookie(REFRESH_COOKIE, options);
  }
}
