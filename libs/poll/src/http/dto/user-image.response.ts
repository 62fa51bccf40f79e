import { ApiProperty } from '@nestjs/swagger';

export class UserImageResponse {
  @ApiProperty() imageUrl!: string;
}
