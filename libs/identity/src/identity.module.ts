import { Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { TimeModule } from '@app/core';
import { AuditEntry } from './audit/audit-entry.entity';
import { AuditLog } from './audit/audit-log';
import { AuditTrailReader } from './audit/audit-trail.reader';
import { RefreshToken } from './auth/refresh-tokens/refresh-token.entity';
import { RefreshTokenService } from './auth/refresh-tokens/refresh-token.service';
import { StaffRights } from './auth/staff-rights';
import { Image } from './entities/image.entity';
import { User } from './entities/user.entity';
import { PasswordHasher } from './password-hasher';
import { UserService } from './user.service';

/** Users, their credentials, refresh tokens, staff rights and the audit log of staff changes; no HTTP. Shared by the API, the worker and the CLI. */
@Module({
  imports: [MikroOrmModule.forFeature([User, Image, RefreshToken, AuditEntry]), TimeModule],
  providers: [UserService, PasswordHasher, RefreshTokenService, StaffRights, AuditLog, AuditTrailReader],
  exports: [UserService, PasswordHasher, RefreshTokenService, StaffRights, AuditLog, AuditTrailReader],
})
export class IdentityModule {}
