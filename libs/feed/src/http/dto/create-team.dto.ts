import { ApiProperty } from '@nestjs/swagger';
import { IsString } from 'class-validator';
import { TextLength } from '@app/core';

export class CreateTeamDto {
  @ApiProperty({ example: 'Sunday swimmers', maxLength: 128 })
  @IsString()
  @TextLength(1, 128)
  roomName!: string;
}
