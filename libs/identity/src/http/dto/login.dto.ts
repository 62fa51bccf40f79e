import { ApiProperty } from '@nestjs/swagger';
import { IsString } from 'class-validator';
import { TextLength } from '@app/core';
import { TrimmedUsername } from '../../username';

export class LoginDto {
  @ApiProperty({ example: 'admin' })
  @TrimmedUsername()
  @IsString()
  @TextLength(1, 150)
  username!: string;

  @ApiProperty({ example: 'admin', format: 'password' })
  @IsString()
  @TextLength(1, 128)
  password!: string;
}
