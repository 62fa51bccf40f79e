import { Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { TimeModule } from '@app/core';
import { RefreshToken } from './auth/refresh-tokens/refresh-token.entity';
import { RefreshTokenService } from './auth/refresh-tokens/refresh-token.service';
import { StaffRights } from './auth/staff-rights';
import { Image } from './entities/image.entity';
import { User } from './entities/user.entity';
import { PasswordHasher } from './password-hasher';
import { UserService } from './user.service';

/** Users, their credentials, refresh tokens and staff rights; no HTTP. Shared by the API, the worker and the CLI. */
@Module({
  imports: [MikroOrmModule.forFeature([User, Image, RefreshToken]), TimeModule],
  providers: [UserService, PasswordHasher, RefreshTokenService, StaffRights],
  exports: [UserService, PasswordHasher, RefreshTokenService, StaffRights],
})
export class IdentityModule {}
