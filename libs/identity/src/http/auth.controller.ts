import { Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import { ErrorResponse, Public } from '@app/core';
import { AuthService } from '../auth/auth.service';
import { LocalAuthGuard } from '../auth/local-auth.guard';
import { LoginBodyGuard } from '../auth/login-body.guard';
import type { User } from '../entities/user.entity';
import { LoginDto } from './dto/login.dto';
import { TokenResponse } from './dto/token.response';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @UseGuards(LoginBodyGuard, LocalAuthGuard)
  @ApiOperation({ summary: 'Log in', description: 'Exchanges a username and password for a bearer token.' })
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({ type: TokenResponse })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'VALIDATION_FAILED' })
  @ApiUnauthorizedResponse({ type: ErrorResponse, description: 'INVALID_CREDENTIALS' })
  login(@Req() request: Request): Promise<TokenResponse> {
    return this.auth.issueToken(request.user as User);
  }
}
