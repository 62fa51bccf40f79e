import { ApiProperty } from '@nestjs/swagger';
import type { JoinState } from '../../feed-reactions.service';

export class JoinStateResponse {
  @ApiProperty({ type: 'integer' }) joinedCount!: number;
  @ApiProperty() joinedByMe!: boolean;
}

export const toJoinStateResponse = (state: JoinState): JoinStateResponse => ({ ...state });
