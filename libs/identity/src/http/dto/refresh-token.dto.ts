import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

/** `POST /auth/refresh` and `POST /auth/logout`. */
export class RefreshTokenDto {
  @ApiProperty({
    example: 'm5Qw0c3xV8yqJ2Lr9Jb1cQ2d7nE4tA6uZ0pR3sK8vWg',
    maxLength: 512,
    description: 'From the last login, sign-up or refresh',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(512)
  refreshToken!: string;
}
