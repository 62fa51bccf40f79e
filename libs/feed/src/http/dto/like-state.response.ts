import { ApiProperty } from '@nestjs/swagger';
import type { LikeState } from '../../feed-reactions.service';

export class LikeStateResponse {
  @ApiProperty({ type: 'integer' }) likeCount!: number;
  @ApiProperty() likedByMe!: boolean;
}

export const toLikeStateResponse = (state: LikeState): LikeStateResponse => ({ ...state });
