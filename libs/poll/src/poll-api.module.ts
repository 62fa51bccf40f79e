import { Module } from '@nestjs/common';
import { PollController } from './http/poll.controller';
import { PollModule } from './poll.module';

@Module({ imports: [PollModule], controllers: [PollController] })
export class PollApiModule {}
