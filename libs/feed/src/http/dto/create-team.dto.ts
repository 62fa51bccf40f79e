import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class CreateTeamDto {
  @ApiProperty({ example: 'Sunday swimmers', maxLength: 128 })
  @IsString()
  @Length(1, 128)
  roomName!: string;
}
