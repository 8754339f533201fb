import { Controller, Get, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { hashSecretToken, newSecretToken } from '@simashe/api-accounts';
import { APP_CONFIG, CurrentAuth, NotFoundError, Public, type AppConfig, type AuthContext } from '@simashe/api-core';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { MeetingsService } from './meetings.service';

class FeedParams extends createZodDto(z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}\.ics$/, 'Not a calendar feed link') })) {}

/** A personal, revocable calendar feed: the secret link is the credential, since calendar apps cannot sign in. */
@ApiTags('meetings')
@Controller()
export class CalendarFeedController {
  constructor(
    private readonly db: DataSource,
    private readonly meetings: MeetingsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('me/calendar-feed')
  async status(@CurrentAuth() auth: AuthContext): Promise<{ active: boolean; createdAt: string | null }> {
    const [row] = await this.db.query('SELECT created_at FROM calendar_feeds WHERE user_id = $1', [auth.userId]);
    return { active: Boolean(row), createdAt: row ? new Date(row.created_at).toISOString() : null };
  }

  /** Creates the link, or replaces it: the previous one stops working at once. */
  @Post('me/calendar-feed')
  async reset(@CurrentAuth() auth: AuthContext): Promise<{ url: string }> {
    const { token, hash } = newSecretToken();
    await this.db.query(
      `INSERT INTO calendar_feeds (user_id, token_hash) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET token_hash = $2, created_at = now()`,
      [auth.userId, hash],
    );
    return { url: `${this.config.publicUrl}/api/calendar-feeds/${token}.ics` };
  }

  @Public()
  @Get('calendar-feeds/:token')
  async feed(@Param() params: FeedParams, @Res({ passthrough: true }) response: Response): Promise<string> {
    const [row] = await this.db.query('SELECT user_id FROM calendar_feeds WHERE token_hash = $1', [hashSecretToken(params.token.slice(0, -4))]);
    if (!row) throw new NotFoundError('The calendar feed');
    response.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    response.setHeader('Cache-Control', 'private, max-age=300');
    return this.meetings.feed(row.user_id);
  }
}
