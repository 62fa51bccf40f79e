import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';

/** An access token and the refresh token that renews it (login, sign-up, refresh). */
export class TokenResponse {
  @ApiProperty({ example: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9…', description: 'Send as Authorization: Bearer <accessToken>' })
  accessToken!: string;

  @ApiProperty({
    example: 'm5Qw0c3xV8yqJ2Lr9Jb1cQ2d7nE4tA6uZ0pR3sK8vWg',
    description:
      'Opaque; exchange it at POST /auth/refresh for a new pair before it expires (REFRESH_TOKEN_DAYS). Each one works once: the answer carries its successor.',
  })
  refreshToken!: string;

  @ApiProperty({ enum: ['Bearer'] })
  tokenType!: 'Bearer';

  @ApiProperty({ type: 'integer', example: 900, description: 'Seconds until the access token expires (JWT_EXPIRES_IN)' })
  expiresIn!: number;
}

/**
 * What `POST /auth/login` and `POST /auth/refresh` answer: the pair, or, when the refresh token
 * travels in the HttpOnly `refresh_token` cookie (`refreshTokenIn: "cookie"`), the access token alone.
 */
export class SessionTokensResponse extends OmitType(TokenResponse, ['refreshToken']) {
  @ApiPropertyOptional({
    example: 'm5Qw0c3xV8yqJ2Lr9Jb1cQ2d7nE4tA6uZ0pR3sK8vWg',
    description:
      'Absent when the refresh token travels in the refresh_token cookie (login with refreshTokenIn "cookie", or a refresh that sent only the cookie). Opaque; exchange it at POST /auth/refresh for a new pair before it expires (REFRESH_TOKEN_DAYS). Each one works once: the answer carries its successor.',
  })
  refreshToken?: string;
}
