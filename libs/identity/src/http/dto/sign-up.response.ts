import { IntersectionType } from '@nestjs/swagger';
import type { TokenPair } from '../../auth/auth.service';
import type { User } from '../../entities/user.entity';
import { TokenResponse } from './token.response';
import { toUserResponse, UserResponse } from './user.response';

/** `POST /users`: the new member, already logged in (`User` plus the login's tokens). */
export class SignUpResponse extends IntersectionType(UserResponse, TokenResponse) {}

export function toSignUpResponse(user: User, tokens: TokenPair): SignUpResponse {
  const { accessToken, refreshToken, tokenType, expiresIn } = tokens;
  return { ...toUserResponse(user), accessToken, refreshToken, tokenType, expiresIn };
}
