import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class CreateGameDto {
  @ApiProperty({ example: 'Futsal 5 vs 5', maxLength: 128 })
  @IsString()
  @Length(1, 128)
  gameName!: string;

  @ApiProperty({ example: 'Seoul, Mapo', maxLength: 128 })
  @IsString()
  @Length(1, 128)
  gameLocation!: string;
}
