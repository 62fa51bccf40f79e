import { Global, Module } from '@nestjs/common';
import { AppConfig, loadConfig, loadDotEnv } from './app-config';

@Global()
@Module({
  providers: [
    {
      provide: AppConfig,
      useFactory: (): AppConfig => {
        loadDotEnv();
        return loadConfig();
      },
    },
  ],
  exports: [AppConfig],
})
export class ConfigModule {}
