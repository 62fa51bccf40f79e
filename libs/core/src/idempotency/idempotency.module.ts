import { Global, Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { TimeModule } from '../time/time.module';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IdempotencyKey } from './idempotency-key.entity';
import { IdempotencyStore } from './idempotency.store';

/** Global, so `@Idempotent()` routes of every domain module can build their interceptor. */
@Global()
@Module({
  imports: [MikroOrmModule.forFeature([IdempotencyKey]), TimeModule],
  providers: [IdempotencyStore, IdempotencyInterceptor],
  exports: [IdempotencyStore, IdempotencyInterceptor],
})
export class IdempotencyModule {}
