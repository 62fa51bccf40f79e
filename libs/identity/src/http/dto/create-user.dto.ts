import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { TextLength } from '@app/core';
import { TrimmedUsername } from '../../username';

export class CreateUserDto {
  @ApiProperty({ example: 'kim.minji', minLength: 3, maxLength: 150, description: 'Letters, digits and . _ @ + -' })
  @TrimmedUsername()
  @IsString()
  @TextLength(3, 150)
  @Matches(/^[A-Za-z0-9._@+-]+$/, { message: 'username may contain only letters, digits and . _ @ + -' })
  username!: string;

  @ApiProperty({ example: 'correct horse battery', minLength: 8, maxLength: 128, format: 'password' })
  @IsString()
  @TextLength(8, 128)
  password!: string;

  @ApiProperty({ example: '010-1234-5678', maxLength: 32 })
  @IsString()
  @Matches(/^\+?[0-9][0-9 -]{5,30}$/, { message: 'phoneNumber must be a phone number such as 010-1234-5678' })
  phoneNumber!: string;
}
