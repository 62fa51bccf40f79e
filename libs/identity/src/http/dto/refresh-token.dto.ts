import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

/** `POST /auth/refresh` and `POST /auth/logout`. */
export class RefreshTokenDto {
  @ApiPropertyOptional({
    example: 'm5Qw0c3xV8yqJ2Lr9Jb1cQ2d7nE4tA6uZ0pR3sK8vWg',
    maxLength: 512,
    description:
      'From the last login, sign-up or refresh. Leave it out to use the refresh_token cookie (a login with refreshTokenIn "cookie").',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(512)
  refreshToken?: string;
}
