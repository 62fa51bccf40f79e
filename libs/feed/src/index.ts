export * from './demo/feed-demo-seeder';
export * from './demo/feed-demo.module';
export * from './entities/feed-join.entity';
export * from './entities/feed-like.entity';
export * from './entities/feed.entity';
export * from './entities/game.entity';
export * from './entities/post.entity';
export * from './entities/team.entity';
export * from './feed-api.module';
export * from './feed-reactions.service';
export * from './feed-removal.service';
export * from './feed.module';
export * from './feed.service';
export * from './feed-text.reader';
export { FeedAuthorResponse } from './http/dto/feed-author.response';
export {
  FEED_RESPONSE_MODELS,
  FEED_RESPONSE_SCHEMA,
  type FeedResponse,
  GameFeedResponse,
  PostFeedResponse,
  TeamFeedResponse,
  toFeedResponse,
} from './http/dto/feed.response';
