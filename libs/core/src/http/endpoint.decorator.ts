import { applyDecorators, type Type, UseGuards } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ApiBody, ApiExtraModels, ApiOperation, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ERROR_CATALOGUE, type ErrorCode } from '../errors/error-catalogue';
import { ErrorResponse } from '../errors/error-response';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { JsonBodyGuard } from './json-body.guard';
import { Public, TokenOptional } from './public.decorator';

export interface EndpointOptions {
  summary: string;
  description?: string;
  /**
   * `true`: no token needed, no 401 and no lock in Swagger. `'token optional'`: anyone may call it,
   * and a caller who sends a token gets their own fields too (a bad token is still 401).
   */
  public?: boolean | 'token optional';
  /** The codes the route's own rules answer with; those every route of its kind answers are added. */
  errors?: ErrorCode[];
  /** The body's type, when a guard reads it instead of a `@Body()` parameter (login). */
  body?: Type<unknown> | [Type<unknown>];
  /** Accepts an `Idempotency-Key` (see `Idempotent`), with its two codes. */
  idempotent?: boolean;
}

/** Codes any authenticated route answers. */
export const AUTH_ERRORS: ErrorCode[] = ['UNAUTHENTICATED', 'TOKEN_EXPIRED', 'ACCOUNT_DISABLED'];
/** Codes any route that reads a JSON body answers. */
export const BODY_ERRORS: ErrorCode[] = ['VALIDATION_FAILED', 'MALFORMED_JSON', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE'];

/** Codes a route that takes an `Idempotency-Key` answers. */
export const IDEMPOTENCY_ERRORS: ErrorCode[] = ['IDEMPOTENCY_KEY_IN_PROGRESS', 'IDEMPOTENCY_KEY_REUSED', 'TOO_MANY_REQUESTS'];

const EXAMPLE_EXTRAS: Partial<Record<ErrorCode, object>> = {
  VALIDATION_FAILED: {
    message: 'Invalid username',
    errors: [{ field: 'username', messages: ['username must be longer than or equal to 3 characters'] }],
  },
};

/** The parameter kinds a handler declares (`@Body()`, `@Query()`, `@Param()`), read from Nest's metadata. */
function parameterKinds(target: object, key: string | symbol): Set<number> {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, target.constructor, key) ?? {}) as Record<string, unknown>;
  return new Set(Object.keys(args).map((arg) => Number(arg.split(':')[0])));
}

/** One documented response per status, with an example of exactly each code that status carries. */
function errorResponses(codes: Set<ErrorCode>): MethodDecorator[] {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) {
    const { status } = ERROR_CATALOGUE[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return [...byStatus.entries()]
    .sort(([a], [b]) => a - b)
    .map(([status, list]) =>
      // Content spelled out: errors are JSON even on a route that produces HTML.
      ApiResponse({
        status,
        description: list.join(', '),
        content: {
          'application/json': {
            schema: { $ref: getSchemaPath(ErrorResponse) },
            examples: Object.fromEntries(
              list.map((code) => [
                code,
                { summary: code, value: { statusCode: status, code, message: ERROR_CATALOGUE[code].message, ...EXAMPLE_EXTRAS[code] } },
              ]),
            ),
          },
        },
      }),
    );
}

/** Swagger's security for the route: none for a public route, "none or the bearer token" when a token is optional. */
function securityOf(access: EndpointOptions['public']): { security?: Record<string, string[]>[] } {
  if (access === 'token optional') return { security: [{}, { bearer: [] }] };
  return access ? { security: [] } : {};
}

/**
 * The one decorator for a route's contract (after immich's `@Endpoint`): its summary, whether it
 * needs a token, and the error codes it answers, documented from the catalogue. Authenticated
 * routes get 401, routes with a JSON body 400/413/415 (and the 415 check), routes with a query or
 * path parameter 400 VALIDATION_FAILED. It reads the handler's parameters (`@Body()`, `@Query()`,
 * `@Param()`), which TypeScript decorates before any method decorator, so its place among the
 * route's decorators does not matter. Staff-only routes list `FORBIDDEN` themselves.
 */
export function Endpoint(options: EndpointOptions): MethodDecorator {
  return (target, key, descriptor) => {
    const kinds = parameterKinds(target, key);
    const hasBody = options.body !== undefined || kinds.has(RouteParamtypes.BODY);
    const codes = new Set<ErrorCode>();
    if (hasBody) BODY_ERRORS.forEach((code) => codes.add(code));
    if (kinds.has(RouteParamtypes.QUERY) || kinds.has(RouteParamtypes.PARAM)) codes.add('VALIDATION_FAILED');
    if (options.public !== true) AUTH_ERRORS.forEach((code) => codes.add(code));
    if (options.idempotent) IDEMPOTENCY_ERRORS.forEach((code) => codes.add(code));
    (options.errors ?? []).forEach((code) => codes.add(code));
    const decorators = [
      ApiExtraModels(ErrorResponse),
      ApiOperation({ summary: options.summary, description: options.description, ...securityOf(options.public) }),
      ...errorResponses(codes),
      ...(options.public ? [Public()] : []),
      ...(options.public === 'token optional' ? [TokenOptional()] : []),
      ...(hasBody ? [UseGuards(JsonBodyGuard)] : []),
      ...(options.body ? [ApiBody({ type: options.body })] : []),
      ...(options.idempotent ? [Idempotent()] : []),
    ];
    applyDecorators(...decorators)(target, key, descriptor);
  };
}
