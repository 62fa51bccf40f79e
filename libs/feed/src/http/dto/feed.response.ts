import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional } from 'class-validator';
import { PageQueryDto } from '@app/core';
import { FeedType } from '../../entities/feed.entity';
import { Game } from '../../entities/game.entity';
import { Post } from '../../entities/post.entity';
import { Team } from '../../entities/team.entity';
import type { FeedView } from '../../feed.service';
import type { JoinState, LikeState } from '../../feed-reactions.service';

export class FeedQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: FeedType, description: 'Only items of this type' })
  @IsOptional()
  @IsEnum(FeedType)
  type?: FeedType;
}

export class FeedAuthorResponse {
  @ApiProperty() id!: number;
  @ApiProperty() username!: string;
}

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

export class FeedPageResponse {
  @ApiProperty({ type: [FeedResponse] }) items!: FeedResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class LikeStateResponse {
  @ApiProperty() likeCount!: number;
  @ApiProperty() likedByMe!: boolean;
}

export class JoinStateResponse {
  @ApiProperty() joinedCount!: number;
  @ApiProperty() joinedByMe!: boolean;
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

export const toLikeStateResponse = (state: LikeState): LikeStateResponse => ({ ...state });
export const toJoinStateResponse = (state: JoinState): JoinStateResponse => ({ ...state });
