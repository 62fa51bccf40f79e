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

export class CreateTeamDto {
  @ApiProperty({ example: 'Sunday swimmers', maxLength: 128 })
  @IsString()
  @Length(1, 128)
  roomName!: string;
}
