import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { DomainError } from '../errors/domain-error';

const JSON_TYPE = /^application\/json\s*(;|$)/i;

/** Whether the request carries a body at all (the test the body parser itself makes). */
function hasBody(request: Request): boolean {
  return request.headers['transfer-encoding'] !== undefined || (request.headers['content-length'] ?? '0') !== '0';
}

/**
 * On routes that read a JSON body (`@Endpoint` adds it): a body of another type is refused with
 * 415 `UNSUPPORTED_MEDIA_TYPE` instead of being ignored by the JSON parser and then failing
 * validation field by field as if nothing was sent.
 */
@Injectable()
export class JsonBodyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    if (!hasBody(request)) return true;
    const type = request.headers['content-type'] ?? '';
    if (JSON_TYPE.test(type)) return true;
    throw new DomainError(
      'UNSUPPORTED_MEDIA_TYPE',
      type === ''
        ? 'The request body has no Content-Type; send application/json'
        : `The request body must be application/json, not ${type.split(';')[0]}`,
    );
  }
}
