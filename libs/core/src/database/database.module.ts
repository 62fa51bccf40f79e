import { DynamicModule, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { MySqlDriver } from '@mikro-orm/mysql';
import { AppConfig } from '../config/app-config';
import { QueryCountMiddleware } from '../query-count/query-count.middleware';
import { DatabaseOutageMonitor } from './database-outage.monitor';
import { createOrmOptions, OrmConnectionOptions } from './orm-options';

/**
 * MikroORM for MySQL. Entities come from each domain's `MikroOrmModule.forFeature`.
 * HTTP requests each get a request context (from the integration) and a query scope.
 */
@Module({})
export class DatabaseModule implements NestModule {
  static forRoot(options: OrmConnectionOptions = {}): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        MikroOrmModule.forRootAsync({
          driver: MySqlDriver,
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            ...createOrmOptions(config, options),
            autoLoadEntities: true,
            registerRequestContext: true,
          }),
        }),
      ],
      providers: [DatabaseOutageMonitor],
      exports: [DatabaseOutageMonitor],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(QueryCountMiddleware).forRoutes({ path: '{*all}', method: RequestMethod.ALL });
  }
}
