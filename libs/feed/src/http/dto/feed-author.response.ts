import { ApiProperty } from '@nestjs/swagger';

export class FeedAuthorResponse {
  @ApiProperty() id!: number;
  @ApiProperty() username!: string;
}
