/** Who is calling, as the bearer token says. */
export interface AuthenticatedUser {
  id: number;
  username: string;
  isStaff: boolean;
}

/** The claims this service signs. */
export interface TokenClaims {
  sub: number;
  username: string;
  staff: boolean;
}

export const TOKEN_ISSUER = 'gym-platform';
