import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, ValidateIf } from 'class-validator';
import { TextLength } from '@app/core';
import type { RefreshTokenTransport } from '../../auth/auth.service';
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

  @ApiPropertyOptional({
    enum: ['body', 'cookie'],
    default: 'body',
    description:
      'Where the refresh token goes. "cookie" (browser apps): not in the answer but in the cookie refresh_token (HttpOnly; SameSite=Strict; Path=/auth; Max-Age = REFRESH_TOKEN_DAYS), which POST /auth/refresh and POST /auth/logout then read when their body has no refreshToken.',
  })
  @ValidateIf((_dto, value) => value !== undefined) // null is refused, not taken for "body"
  @IsIn(['body', 'cookie'])
  refreshTokenIn?: RefreshTokenTransport;
}
