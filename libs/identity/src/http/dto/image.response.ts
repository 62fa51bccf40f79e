import { ApiProperty } from '@nestjs/swagger';

export class ImageResponse {
  @ApiProperty({ type: 'integer' })
  id!: number;

  @ApiProperty({ example: 'https://images.example.com/u/42.jpg' })
  imageUrl!: string;
}
