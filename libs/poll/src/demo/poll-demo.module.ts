import { Module } from '@nestjs/common';
import { PollModule } from '../poll.module';
import { PollDemoSeeder } from './poll-demo-seeder';

/** The demo polls. Imported by the CLI and the tests, never by the API or the worker. */
@Module({
  imports: [PollModule],
  providers: [PollDemoSeeder],
  exports: [PollDemoSeeder],
})
export class PollDemoModule {}
