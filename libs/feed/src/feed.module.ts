import { Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { IdentityModule } from '@app/identity';
import { FeedJoin } from './entities/feed-join.entity';
import { FeedLike } from './entities/feed-like.entity';
import { Feed } from './entities/feed.entity';
import { Game } from './entities/game.entity';
import { Post } from './entities/post.entity';
import { Team } from './entities/team.entity';
import { FeedReactionsService } from './feed-reactions.service';
import { FeedRemovalService } from './feed-removal.service';
import { FeedService } from './feed.service';
import { FeedTextReader } from './feed-text.reader';

/** Posts, games and teams in one table; likes and joins. No HTTP. */
@Module({
  imports: [MikroOrmModule.forFeature([Feed, Post, Game, Team, FeedLike, FeedJoin]), IdentityModule],
  providers: [FeedService, FeedReactionsService, FeedRemovalService, FeedTextReader],
  exports: [FeedService, FeedReactionsService, FeedRemovalService, FeedTextReader],
})
export class FeedModule {}
