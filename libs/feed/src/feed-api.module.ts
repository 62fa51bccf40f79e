import { Module } from '@nestjs/common';
import { FeedModule } from './feed.module';
import { FeedController } from './http/feed.controller';

@Module({ imports: [FeedModule], controllers: [FeedController] })
export class FeedApiModule {}
