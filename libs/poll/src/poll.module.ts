import { Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { TimeModule } from '@app/core';
import { IdentityModule } from '@app/identity';
import { PollQuestion } from './entities/poll-question.entity';
import { PollVote } from './entities/poll-vote.entity';
import { Poll } from './entities/poll.entity';
import { PollClosingService } from './poll-closing.service';
import { PollVotesReader } from './poll-votes.reader';
import { PollVotingService } from './poll-voting.service';
import { PollService } from './poll.service';

/** Polls, their questions and votes. No HTTP. */
@Module({
  imports: [MikroOrmModule.forFeature([Poll, PollQuestion, PollVote]), IdentityModule, TimeModule],
  providers: [PollService, PollVotingService, PollClosingService, PollVotesReader],
  exports: [PollService, PollVotingService, PollClosingService, PollVotesReader],
})
export class PollModule {}
