import { ApiProperty } from '@nestjs/swagger';
import type { User } from '../../entities/user.entity';
import { ImageResponse } from './image.response';

export class UserResponse {
  @ApiProperty({ type: 'integer' })
  id!: number;

  @ApiProperty({ example: 'kim.minji' })
  username!: string;

  @ApiProperty({ example: '010-1234-5678' })
  phoneNumber!: string;

  @ApiProperty()
  isStaff!: boolean;

  @ApiProperty({ type: ImageResponse, nullable: true })
  image!: ImageResponse | null;
}

export function toUserResponse(user: User): UserResponse {
  return {
    id: user.id,
    username: user.username,
    phoneNumber: user.phoneNumber,
    isStaff: user.isStaff,
    image: user.image ? { id: user.image.id, imageUrl: user.image.imageUrl } : null,
  };
}
