import { ApiProperty } from '@nestjs/swagger';
import type { User } from '@app/identity';
import type { VoterView } from '../../poll-heads.query';
import { UserImageResponse } from './user-image.response';

export class UserSummaryResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty() username!: string;
  @ApiProperty({ type: UserImageResponse, nullable: true }) image!: UserImageResponse | null;
}

export function toUserSummary(user: User | VoterView): UserSummaryResponse {
  return { id: user.id, username: user.username, image: user.image ? { imageUrl: user.image.imageUrl } : null };
}
