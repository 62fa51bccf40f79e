import { Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Image } from './entities/image.entity';
import { User } from './entities/user.entity';
import { PasswordHasher } from './password-hasher';
import { UserService } from './user.service';

/** Users and their credentials; no HTTP. Shared by the API, the worker and the CLI. */
@Module({
  imports: [MikroOrmModule.forFeature([User, Image])],
  providers: [UserService, PasswordHasher],
  exports: [UserService, PasswordHasher],
})
export class IdentityModule {}
