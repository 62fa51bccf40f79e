import { ApiProperty } from '@nestjs/swagger';
import { IsString } from 'class-validator';
import { TextLength } from '@app/core';

export class CreatePostDto {
  @ApiProperty({ example: 'Morning run', maxLength: 128 })
  @IsString()
  @TextLength(1, 128)
  title!: string;

  @ApiProperty({ example: '5 km along the Han river', maxLength: 10000 })
  @IsString()
  @TextLength(1, 10_000)
  body!: string;
}
