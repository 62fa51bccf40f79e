import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FeedType } from '../../entities/feed.entity';
import { Game } from '../../entities/game.entity';
import { Post } from '../../entities/post.entity';
import { Team } from '../../entities/team.entity';
import type { FeedView } from '../../feed.service';
import { FeedAuthorResponse } from './feed-author.response';

export class FeedResponse {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: FeedType }) type!: FeedType;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: FeedAuthorResponse }) author!: FeedAuthorResponse;
  @ApiProperty() likeCount!: number;
  @ApiProperty() likedByMe!: boolean;
  @ApiProperty() joinedCount!: number;
  @ApiProperty() joinedByMe!: boolean;
  @ApiPropertyOptional({ description: 'post' }) title?: string;
  @ApiPropertyOptional({ description: 'post' }) body?: string;
  @ApiPropertyOptional({ description: 'game' }) gameName?: string;
  @ApiPropertyOptional({ description: 'game' }) gameLocation?: string;
  @ApiPropertyOptional({ description: 'team' }) roomName?: string;
}

/** The type and the fields only that class has. */
function ownFields(feed: FeedView['feed']): Pick<FeedResponse, 'type'> & Partial<FeedResponse> {
  if (feed instanceof Post) return { type: FeedType.Post, title: feed.title, body: feed.body };
  if (feed instanceof Game) return { type: FeedType.Game, gameName: feed.gameName, gameLocation: feed.gameLocation };
  if (feed instanceof Team) return { type: FeedType.Team, roomName: feed.roomName };
  throw new Error(`Feed ${feed.id} has no known class`);
}

export function toFeedResponse({ feed, likedByMe, joinedByMe }: FeedView): FeedResponse {
  return {
    id: feed.id,
    createdAt: feed.createdAt.toISOString(),
    author: { id: feed.author.id, username: feed.author.username },
    likeCount: feed.likeCount,
    likedByMe,
    joinedCount: feed.joinedCount,
    joinedByMe,
    ...ownFields(feed),
  };
}
