import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { type AuthContext, CurrentAuth, ZodResponse } from '@simashe/api-core';
import { AuditFiltersSchema, AuditPageSchema, AuditQuerySchema, AuditScopeSchema, type AuditPage, type AuditScopeResponse } from '@simashe/contracts';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { AuditService } from './audit.service';

class AuditQueryDto extends createZodDto(AuditQuerySchema) {}
class AuditFiltersDto extends createZodDto(AuditFiltersSchema) {}
class AuditPageDto extends createZodDto(AuditPageSchema) {}
class AuditScopeDto extends createZodDto(AuditScopeSchema) {}

@ApiTags('audit')
@Controller()
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** Newest first; organisation admins read their organisations' entries, secretariat admins every entry, others 403. */
  @Get('audit')
  @ZodResponse({ type: AuditPageDto })
  list(@CurrentAuth() auth: AuthContext, @Query() query: AuditQueryDto): Promise<AuditPage> {
    return this.audit.list(auth, query);
  }

  @Get('audit.csv')
  @ApiOperation({ summary: 'The same entries and filters as GET /audit, as CSV (the newest 10,000 at most)' })
  @ApiProduces('text/csv')
  async csv(@CurrentAuth() auth: AuthContext, @Query() filters: AuditFiltersDto, @Res() response: Response): Promise<void> {
    const body = await this.audit.csv(auth, filters);
    response
      .status(200)
      .setHeader('Content-Type', 'text/csv; charset=utf-8')
      .setHeader('Content-Disposition', `attachment; filename="simashe-audit-log-${new Date().toISOString().slice(0, 10)}.csv"`)
      .setHeader('X-Content-Type-Options', 'nosniff')
      .send(body);
  }

  /** Whether the caller may read the log (the web app shows the page only then), and which organisations. */
  @Get('audit/scope')
  @ZodResponse({ type: AuditScopeDto })
  scope(@CurrentAuth() auth: AuthContext): Promise<AuditScopeResponse> {
    return this.audit.scope(auth);
  }
}
