import { ApiProperty } from '@nestjs/swagger';
import type { UserFields } from '../../user-profile.query';
import { ImageResponse } from './image.response';

export class UserResponse {
  @ApiProperty({ type: 'integer' })
  id!: number;

  @ApiProperty({ example: 'kim.minji' })
  username!: string;

  @ApiProperty({ example: '010-1234-5678' })
  phoneNumber!: string;

  @ApiProperty({ type: String, nullable: true, example: 'minji@example.com', description: 'Where notifications go' })
  email!: string | null;

  @ApiProperty()
  isStaff!: boolean;

  @ApiProperty({ type: ImageResponse, nullable: true })
  image!: ImageResponse | null;
}

/** Takes an entity or a projection: both have these fields. */
export function toUserResponse(user: UserFields): UserResponse {
  return {
    id: user.id,
    username: user.username,
    phoneNumber: user.phoneNumber,
    email: user.email,
    isStaff: user.isStaff,
    image: user.image ? { id: user.image.id, imageUrl: user.image.imageUrl } : null,
  };
}
