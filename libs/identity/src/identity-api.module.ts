import { type ExecutionContext, type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import type { Request } from 'express';
import { AppConfig, RedisConnection, RedisModule } from '@app/core';
import { AccountStatusController } from './accounts/account-status.controller';
import { AccountStatusService } from './accounts/account-status.service';
import { DeactivatedAccounts } from './accounts/deactivated-accounts';
import { AuthService } from './auth/auth.service';
import { TOKEN_ISSUER } from './auth/authenticated-user';
import { JwtAuthGuard } from './auth/jwt-auth.guard';
import { JwtStrategy } from './auth/jwt.strategy';
import { LocalStrategy } from './auth/local.strategy';
import { rateLimitedAction, type RateLimitedAction } from './auth/rate-limit.guard';
import { RateLimitStorage } from './auth/rate-limit.storage';
import { SessionCookieJwtStrategy } from './auth/session-cookie-jwt.strategy';
import { StaffGuard } from './auth/staff.guard';
import { AuditController } from './audit/audit.controller';
import { AuthController } from './http/auth.controller';
import { UsersController } from './http/users.controller';
import { IdentityModule } from './identity.module';
import { formBodyMiddleware } from './staff-pages/form-body.middleware';
import { LoginPageController } from './staff-pages/login-page.controller';
import { usernameKey } from './username';

/** Sign-ups per client address are counted over 10 minutes (`SIGNUP_RATE_LIMIT` of them). */
export const SIGNUP_RATE_WINDOW_MS = 10 * 60 * 1000;

/**
 * Sign-up, login (the API's and the staff pages' `/login` form), staff's changes of accounts, and the guards every API route passes: a bearer
 * token of an account not deactivated since (one Redis call, `DeactivatedAccounts`) unless `@Public()` (or
 * the session cookie on `@AcceptsSessionCookie()` pages), staff for `@StaffOnly()`.
 */
@Module({
  imports: [
    IdentityModule,
    RedisModule,
    PassportModule,
    ThrottlerModule.forRootAsync({
      imports: [RedisModule],
      inject: [AppConfig, RedisConnection],
      useFactory: (config: AppConfig, redis: RedisConnection) => {
        const ttl = config.auth.loginRateWindowSeconds * 1000;
        const not = (action: RateLimitedAction) => (context: ExecutionContext) => rateLimitedAction(context) !== action;
        const client = (req: Record<string, unknown>) => (req as unknown as Request).ip ?? 'unknown';
        const username = (req: Record<string, unknown>) => usernameKey((req as unknown as Request).body?.username);
        return {
          storage: new RateLimitStorage(redis),
          throttlers: [
            { name: 'login-client', ttl, limit: config.auth.loginRateLimit * 3, getTracker: client, skipIf: not('login') },
            {
              name: 'login-username',
              ttl,
              limit: config.auth.loginRateLimit,
              getTracker: (req) => `${client(req)}|${username(req)}`,
              skipIf: not('login'),
            },
            { name: 'signup', ttl: SIGNUP_RATE_WINDOW_MS, limit: config.auth.signupRateLimit, getTracker: client, skipIf: not('signup') },
          ],
        };
      },
    }),
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        secret: config.auth.jwtSecret,
        signOptions: { algorithm: 'HS256', expiresIn: config.auth.jwtExpiresInSeconds, issuer: TOKEN_ISSUER },
        verifyOptions: { algorithms: ['HS256'], issuer: TOKEN_ISSUER },
      }),
    }),
  ],
  controllers: [AuthController, UsersController, AccountStatusController, LoginPageController, AuditController],
  providers: [
    AuthService,
    AccountStatusService,
    DeactivatedAccounts,
    LocalStrategy,
    JwtStrategy,
    SessionCookieJwtStrategy,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: StaffGuard },
  ],
})
export class IdentityApiModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(formBodyMiddleware).forRoutes({ path: 'login', method: RequestMethod.POST });
  }
}
