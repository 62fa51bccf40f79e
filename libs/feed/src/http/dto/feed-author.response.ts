import { ApiProperty } from '@nestjs/swagger';

export class FeedAuthorResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty() username!: string;
}
