import { Module } from '@nestjs/common';
import { ConfigModule, DatabaseModule, HealthModule } from '@app/core';
import { FeedApiModule } from '@app/feed';
import { GymApiModule } from '@app/gym';
import { IdentityApiModule } from '@app/identity';
import { JobsApiModule } from '@app/jobs';
import { PollApiModule } from '@app/poll';
import { RecommendApiModule } from '@app/recommend';

/** The HTTP process: domain modules with their controllers. It consumes no queue. */
@Module({
  imports: [ConfigModule, DatabaseModule.forRoot(), HealthModule, IdentityApiModule, GymApiModule, FeedApiModule, PollApiModule, RecommendApiModule, JobsApiModule],
})
export class AppModule {}
