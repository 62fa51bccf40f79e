import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { FeedType } from '../../entities/feed.entity';
import { Game } from '../../entities/game.entity';
import { Post } from '../../entities/post.entity';
import { Team } from '../../entities/team.entity';
import type { FeedView } from '../../feed.service';
import { FeedAuthorResponse } from './feed-author.response';

/** What every kind of feed item has. Not a schema of its own: each kind below repeats it. */
abstract class FeedItemFields {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: FeedAuthorResponse }) author!: FeedAuthorResponse;
  @ApiProperty({ type: 'integer' }) likeCount!: number;
  @ApiProperty() likedByMe!: boolean;
  @ApiProperty({ type: 'integer' }) joinedCount!: number;
  @ApiProperty() joinedByMe!: boolean;
}

export class PostFeedResponse extends FeedItemFields {
  @ApiProperty({ enum: [FeedType.Post] }) type!: FeedType.Post;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
}

export class GameFeedResponse extends FeedItemFields {
  @ApiProperty({ enum: [FeedType.Game] }) type!: FeedType.Game;
  @ApiProperty() gameName!: string;
  @ApiProperty() gameLocation!: string;
}

export class TeamFeedResponse extends FeedItemFields {
  @ApiProperty({ enum: [FeedType.Team] }) type!: FeedType.Team;
  @ApiProperty() roomName!: string;
}

/** A feed item: one of the three kinds, told apart by `type` (the entities' discriminator map). */
export type FeedResponse = PostFeedResponse | GameFeedResponse | TeamFeedResponse;

export const FEED_RESPONSE_MODELS = [PostFeedResponse, GameFeedResponse, TeamFeedResponse];

/** The OpenAPI schema of `FeedResponse` (register `FEED_RESPONSE_MODELS` with `ApiExtraModels`). */
export const FEED_RESPONSE_SCHEMA = {
  oneOf: FEED_RESPONSE_MODELS.map((model) => ({ $ref: getSchemaPath(model) })),
  discriminator: {
    propertyName: 'type',
    mapping: {
      [FeedType.Post]: getSchemaPath(PostFeedResponse),
      [FeedType.Game]: getSchemaPath(GameFeedResponse),
      [FeedType.Team]: getSchemaPath(TeamFeedResponse),
    },
  },
};

function common({ feed, likedByMe, joinedByMe }: FeedView): FeedItemFields {
  return {
    id: feed.id,
    createdAt: feed.createdAt.toISOString(),
    author: { id: feed.author.id, username: feed.author.username },
    likeCount: feed.likeCount,
    likedByMe,
    joinedCount: feed.joinedCount,
    joinedByMe,
  };
}

export function toFeedResponse(view: FeedView): FeedResponse {
  const { feed } = view;
  if (feed instanceof Post) return { ...common(view), type: FeedType.Post, title: feed.title, body: feed.body };
  if (feed instanceof Game) return { ...common(view), type: FeedType.Game, gameName: feed.gameName, gameLocation: feed.gameLocation };
  if (feed instanceof Team) return { ...common(view), type: FeedType.Team, roomName: feed.roomName };
  throw new Error(`Feed ${feed.id} has no known class`);
}
