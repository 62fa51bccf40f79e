import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
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
  @IsPhoneNumber()
  phoneNumber!: string;

  @ApiPropertyOptional({ example: 'minji@example.com', maxLength: 254, description: 'Where notifications go' })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email?: string;
}

/** A phone number such as 010-1234-5678 or +82 10 1234 5678. */
export function IsPhoneNumber(): PropertyDecorator {
  const check = Matches(/^\+?[0-9][0-9 -]{5,30}$/, { message: 'phoneNumber must be a phone number such as 010-1234-5678' });
  return (target, key) => {
    IsString()(target, key);
    check(target, key);
  };
}
