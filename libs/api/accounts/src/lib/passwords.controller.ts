import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type AuthContext, type AuthenticatedRequest, CurrentAuth, Public, ZodResponse } from '@simashe/api-core';
import {
  ChangePasswordRequestSchema,
  ForgotPasswordRequestSchema,
  ForgotPasswordResponseSchema,
  PasswordResetDoneSchema,
  PasswordResetPreviewSchema,
  PasswordResetTokenParamsSchema,
  ResetPasswordRequestSchema,
  SessionResponseSchema,
  type ForgotPasswordResponse,
  type PasswordResetDone,
  type PasswordResetPreview,
  type SessionResponse,
} from '@simashe/contracts';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { PasswordsService } from './passwords.service';
import { SESSION_COOKIE, SessionsService } from './sessions.service';

class ChangePasswordRequestDto extends createZodDto(ChangePasswordRequestSchema) {}
class ForgotPasswordRequestDto extends createZodDto(ForgotPasswordRequestSchema) {}
class ForgotPasswordResponseDto extends createZodDto(ForgotPasswordResponseSchema) {}
class PasswordResetTokenParams extends createZodDto(PasswordResetTokenParamsSchema) {}
class PasswordResetPreviewDto extends createZodDto(PasswordResetPreviewSchema) {}
class ResetPasswordRequestDto extends createZodDto(ResetPasswordRequestSchema) {}
class PasswordResetDoneDto extends createZodDto(PasswordResetDoneSchema) {}
class SessionResponseDto extends createZodDto(SessionResponseSchema) {}

const clientAddress = (request: AuthenticatedRequest) => request.ip ?? 'unknown';

@ApiTags('auth')
@Controller()
export class PasswordsController {
  constructor(
    private readonly passwords: PasswordsService,
    private readonly sessions: SessionsService,
  ) {}

  /** Answers with this tab's new session (cookie and CSRF token); every other session has ended. */
  @Post('me/password')
  @ZodResponse({ status: 200, type: SessionResponseDto })
  async change(
    @CurrentAuth() auth: AuthContext,
    @Body() body: ChangePasswordRequestDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionResponse> {
    const { token, session } = await this.passwords.change(auth, body, clientAddress(request));
    response.cookie(SESSION_COOKIE, token, this.sessions.cookieOptions());
    return session;
  }

  @Public()
  @Post('auth/password/forgot')
  @ZodResponse({ status: 202, type: ForgotPasswordResponseDto })
  async forgot(@Body() body: ForgotPasswordRequestDto, @Req() request: AuthenticatedRequest): Promise<ForgotPasswordResponse> {
    await this.passwords.requestReset(body.email, clientAddress(request));
    return {
      message: 'If an account uses this email address, a link to choose a new password is on its way. It works once and expires soon; check your spam folder if it does not arrive.',
    };
  }

  @Public()
  @Get('auth/password/reset/:token')
  @ZodResponse({ type: PasswordResetPreviewDto })
  preview(@Param() params: PasswordResetTokenParams, @Req() request: AuthenticatedRequest): Promise<PasswordResetPreview> {
    return this.passwords.previewReset(params.token, clientAddress(request));
  }

  @Public()
  @Post('auth/password/reset')
  @ZodResponse({ status: 200, type: PasswordResetDoneDto })
  reset(@Body() body: ResetPasswordRequestDto, @Req() request: AuthenticatedRequest): Promise<PasswordResetDone> {
    return this.passwords.reset(body, clientAddress(request));
  }
}
