import { Module } from '@nestjs/common';
import { TimeModule } from '@app/core';
import { ReleaseModule } from '../release.module';
import { ReleaseDemoSeeder } from './release-demo-seeder';

/** The demo cars and a week of order lines. Imported by the CLI and the tests, never by the API or the worker. */
@Module({
  imports: [ReleaseModule, TimeModule],
  providers: [ReleaseDemoSeeder],
  exports: [ReleaseDemoSeeder],
})
export class ReleaseDemoModule {}
