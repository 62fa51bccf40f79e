export * from './demo/poll-demo-seeder';
export * from './entities/poll-question.entity';
export * from './entities/poll-vote.entity';
export * from './entities/poll.entity';
export * from './poll-api.module';
export * from './poll-voting.service';
export * from './poll.module';
export * from './poll.service';
