import { ApiProperty } from '@nestjs/swagger';
import { IsString } from 'class-validator';
import { TextLength } from '@app/core';

export class CreateGameDto {
  @ApiProperty({ example: 'Futsal 5 vs 5', maxLength: 128 })
  @IsString()
  @TextLength(1, 128)
  gameName!: string;

  @ApiProperty({ example: 'Seoul, Mapo', maxLength: 128 })
  @IsString()
  @TextLength(1, 128)
  gameLocation!: string;
}
