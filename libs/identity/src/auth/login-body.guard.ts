import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { createValidationPipe } from '@app/core';
import { LoginDto } from '../http/dto/login.dto';

/**
 * Guards run before pipes, so the login body is validated here, ahead of passport's local
 * strategy: a malformed body is a 400 `VALIDATION_FAILED`, not a 401.
 */
@Injectable()
export class LoginBodyGuard implements CanActivate {
  private readonly pipe = createValidationPipe();

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    request.body = await this.pipe.transform(request.body ?? {}, { type: 'body', metatype: LoginDto });
    return true;
  }
}
