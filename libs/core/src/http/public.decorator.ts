import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'auth:isPublic';

/** Opts a route (or controller) out of the default bearer-token requirement. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

export const TOKEN_OPTIONAL = 'auth:tokenOptional';

/**
 * A public route that also reads a bearer token when one is sent (to answer "my" fields): with no
 * `Authorization` header the caller is anonymous, with one the token must be valid (401 otherwise,
 * so an app learns its token expired instead of silently getting anonymous answers).
 */
export const TokenOptional = (): MethodDecorator & ClassDecorator => SetMetadata(TOKEN_OPTIONAL, true);
