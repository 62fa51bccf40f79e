import { ApiProperty } from '@nestjs/swagger';
import { IsUrl, MaxLength } from 'class-validator';

export class SetImageDto {
  @ApiProperty({ example: 'https://images.example.com/u/42.jpg', maxLength: 512 })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(512)
  imageUrl!: string;
}
