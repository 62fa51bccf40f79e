import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { TrimmedUsername } from '../../username';

export class LoginDto {
  @ApiProperty({ example: 'admin' })
  @TrimmedUsername()
  @IsString()
  @Length(1, 150)
  username!: string;

  @ApiProperty({ example: 'admin', format: 'password' })
  @IsString()
  @Length(1, 128)
  password!: string;
}
