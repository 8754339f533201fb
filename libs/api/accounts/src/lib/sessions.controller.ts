import { Controller, Delete, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type AuthContext, CurrentAuth, ZodResponse } from '@simashe/api-core';
import { IdParamSchema, OtherSessionsRevokedSchema, SessionListSchema, type OtherSessionsRevoked, type SessionList } from '@simashe/contracts';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { SESSION_COOKIE, SessionsService } from './sessions.service';

class IdParams extends createZodDto(IdParamSchema) {}
class SessionListDto extends createZodDto(SessionListSchema) {}
class OtherSessionsRevokedDto extends createZodDto(OtherSessionsRevokedSchema) {}

/** The signed-in person's own sessions: where they are signed in, and signing out of some of them. */
@ApiTags('sessions')
@Controller('me/sessions')
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Get()
  @ZodResponse({ type: SessionListDto })
  async list(@CurrentAuth() auth: AuthContext): Promise<SessionList> {
    return { items: await this.sessions.list(auth) };
  }

  @Post('sign-out-others')
  @ZodResponse({ status: 200, type: OtherSessionsRevokedDto })
  async signOutOthers(@CurrentAuth() auth: AuthContext): Promise<OtherSessionsRevoked> {
    return { revoked: await this.sessions.revokeOthers(auth) };
  }

  /** 404 for a session that is not the caller's. Ending the current one is signing out. */
  @Delete(':id')
  @HttpCode(204)
  async revoke(@CurrentAuth() auth: AuthContext, @Param() params: IdParams, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.sessions.revoke(auth, params.id);
    if (params.id === auth.sessionId) response.clearCookie(SESSION_COOKIE, { path: '/' });
  }
}
