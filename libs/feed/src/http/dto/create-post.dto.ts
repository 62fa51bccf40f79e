import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class CreatePostDto {
  @ApiProperty({ example: 'Morning run', maxLength: 128 })
  @IsString()
  @Length(1, 128)
  title!: string;

  @ApiProperty({ example: '5 km along the Han river', maxLength: 10000 })
  @IsString()
  @Length(1, 10_000)
  body!: string;
}
