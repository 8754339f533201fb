import { Body, Controller, Get, HttpCode, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type AuthContext, type AuthenticatedRequest, CurrentAuth, Public, UnauthenticatedError, ZodResponse } from '@simashe/api-core';
import {
  CurrentUserSchema,
  LoginRequestSchema,
  SessionResponseSchema,
  UpdateProfileRequestSchema,
  type CurrentUser,
  type SessionResponse,
} from '@simashe/contracts';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { AuthService } from './auth.service';
import { SESSION_COOKIE, SessionsService } from './sessions.service';

class LoginRequestDto extends createZodDto(LoginRequestSchema) {}
class SessionResponseDto extends createZodDto(SessionResponseSchema) {}
class UpdateProfileRequestDto extends createZodDto(UpdateProfileRequestSchema) {}
class CurrentUserDto extends createZodDto(CurrentUserSchema) {}

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
  ) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ZodResponse({ type: SessionResponseDto })
  async login(
    @Body() body: LoginRequestDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionResponse> {
    const { token, session } = await this.auth.signIn(body, request.ip ?? 'unknown', request.header('user-agent'));
    response.cookie(SESSION_COOKIE, token, this.sessions.cookieOptions());
    return session;
  }

  @Post('auth/logout')
  @HttpCode(204)
  async logout(@CurrentAuth() auth: AuthContext, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.auth.signOut(auth);
    response.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Public()
  @Get('auth/session')
  @ZodResponse({ type: SessionResponseDto })
  async session(@Req() request: AuthenticatedRequest): Promise<SessionResponse> {
    if (!request.auth) throw new UnauthenticatedError('No active session');
    return this.auth.describeSession(request.auth);
  }

  @Patch('me/profile')
  @ZodResponse({ type: CurrentUserDto })
  updateProfile(@CurrentAuth() auth: AuthContext, @Body() body: UpdateProfileRequestDto): Promise<CurrentUser> {
    return this.auth.updateProfile(auth, body);
  }
}
