import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { TextLength } from '@app/core';
import { IsPhoneNumber } from './create-user.dto';

/** `PATCH /users/me`: any of these; a new password needs the current one. */
export class UpdateMeDto {
  @ApiPropertyOptional({ example: '010-9876-5432', maxLength: 32 })
  @IsOptional()
  @IsPhoneNumber()
  phoneNumber?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'minji@example.com', description: 'null removes it' })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({ minLength: 8, maxLength: 128, format: 'password' })
  @IsOptional()
  @IsString()
  @TextLength(8, 128)
  password?: string;

  @ApiPropertyOptional({ format: 'password', description: 'Required with password' })
  @ValidateIf((dto: UpdateMeDto) => dto.password !== undefined)
  @IsString({ message: 'currentPassword is required to change the password' })
  currentPassword?: string;
}
