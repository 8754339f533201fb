import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res, StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import { ApiTags } from '@nestjs/swagger';
import { type AuthContext, CurrentAuth, ZodResponse } from '@simashe/api-core';
import {
  ArchiveReportRequestSchema,
  ChangeReportStatusRequestSchema,
  CreateReportRequestSchema,
  IdParamSchema,
  ListReportsQuerySchema,
  ReportListSchema,
  ReportSchema,
  ReportTemplateListSchema,
  ReportTemplateSchema,
  SaveAsTemplateRequestSchema,
  UpdateReportRequestSchema,
  UuidSchema,
  CreateVersionRequestSchema,
  CommentParamsSchema,
  CommentThreadListSchema,
  CreateCommentRequestSchema,
  EditCommentRequestSchema,
  ReplyRequestSchema,
  ResolveRequestSchema,
  type CommentThread,
  ExportQuerySchema,
  VersionContentSchema,
  VersionListSchema,
  VersionParamsSchema,
  VersionSchema,
  type Report,
  type Version,
  type VersionContent,
  type ReportList,
  type ReportTemplate,
  ReviewerCandidateListSchema,
  SubmissionNoticeSchema,
  type ReviewerCandidateList,
  type SubmissionNotice,
} from '@simashe/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { ReportExportService } from './export/report-export.service';
import { ReportCommentsService } from './report-comments.service';
import { ReportsService } from './reports.service';

class IdParams extends createZodDto(IdParamSchema) {}
class ListReportsQueryDto extends createZodDto(ListReportsQuerySchema) {}
class CreateReportRequestDto extends createZodDto(CreateReportRequestSchema) {}
class UpdateReportRequestDto extends createZodDto(UpdateReportRequestSchema) {}
class ChangeReportStatusRequestDto extends createZodDto(ChangeReportStatusRequestSchema) {}
class ArchiveReportRequestDto extends createZodDto(ArchiveReportRequestSchema) {}
class SaveAsTemplateRequestDto extends createZodDto(SaveAsTemplateRequestSchema) {}
class TemplatesQueryDto extends createZodDto(z.strictObject({ organisationId: UuidSchema.optional() })) {}
class ReportDto extends createZodDto(ReportSchema) {}
class ReportListDto extends createZodDto(ReportListSchema) {}
class ReviewerCandidateListDto extends createZodDto(ReviewerCandidateListSchema) {}
class SubmissionNoticeDto extends createZodDto(SubmissionNoticeSchema) {}
class ReportTemplateDto extends createZodDto(ReportTemplateSchema) {}
class ReportTemplateListDto extends createZodDto(ReportTemplateListSchema) {}
class CommentParams extends createZodDto(CommentParamsSchema) {}
class CreateCommentRequestDto extends createZodDto(CreateCommentRequestSchema) {}
class ReplyRequestDto extends createZodDto(ReplyRequestSchema) {}
class EditCommentRequestDto extends createZodDto(EditCommentRequestSchema) {}
class ResolveRequestDto extends createZodDto(ResolveRequestSchema) {}
class CommentThreadListDto extends createZodDto(CommentThreadListSchema) {}
class ExportQueryDto extends createZodDto(ExportQuerySchema) {}
class VersionParams extends createZodDto(VersionParamsSchema) {}
class CreateVersionRequestDto extends createZodDto(CreateVersionRequestSchema) {}
class VersionDto extends createZodDto(VersionSchema) {}
class VersionListDto extends createZodDto(VersionListSchema) {}
class VersionContentDto extends createZodDto(VersionContentSchema) {}

@ApiTags('reports')
@Controller()
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly exporter: ReportExportService,
    private readonly comments: ReportCommentsService,
  ) {}

  @Get('reports/:id/comments')
  @ZodResponse({ type: CommentThreadListDto })
  async listComments(@CurrentAuth() auth: AuthContext, @Param() params: IdParams): Promise<{ items: CommentThread[] }> {
    return { items: await this.comments.list(auth, params.id) };
  }

  @Post('reports/:id/comments')
  @ZodResponse({ status: 201, type: CommentThreadListDto })
  async comment(@CurrentAuth() auth: AuthContext, @Param() params: IdParams, @Body() body: CreateCommentRequestDto): Promise<{ items: CommentThread[] }> {
    return { items: await this.comments.create(auth, params.id, body) };
  }

  @Post('reports/:id/comments/:commentId/replies')
  @ZodResponse({ status: 201, type: CommentThreadListDto })
  async reply(@CurrentAuth() auth: AuthContext, @Param() params: CommentParams, @Body() body: ReplyRequestDto): Promise<{ items: CommentThread[] }> {
    return { items: await this.comments.reply(auth, params.id, params.commentId, body.body) };
  }

  @Post('reports/:id/comments/:commentId/resolve')
  @HttpCode(200)
  @ZodResponse({ type: CommentThreadListDto })
  async resolve(@CurrentAuth() auth: AuthContext, @Param() params: CommentParams, @Body() body: ResolveRequestDto): Promise<{ items: CommentThread[] }> {
    return { items: await this.comments.resolve(auth, params.id, params.commentId, body.resolved) };
  }

  /** The author edits a thread's first comment or a reply. */
  @Patch('reports/:id/comments/:commentId')
  @ZodResponse({ type: CommentThreadListDto })
  async editComment(@CurrentAuth() auth: AuthContext, @Param() params: CommentParams, @Body() body: EditCommentRequestDto): Promise<{ items: CommentThread[] }> {
    return { items: await this.comments.edit(auth, params.id, params.commentId, body.body) };
  }

  /** The author, or an admin of the organisation, deletes a comment; answers the threads as they are now. */
  @Delete('reports/:id/comments/:commentId')
  @ZodResponse({ type: CommentThreadListDto })
  async deleteComment(@CurrentAuth() auth: AuthContext, @Param() params: CommentParams): Promise<{ items: CommentThread[] }> {
    return { items: await this.comments.remove(auth, params.id, params.commentId) };
  }

  @Get('reports/:id/export')
  async export(
    @CurrentAuth() auth: AuthContext,
    @Param() params: IdParams,
    @Query() query: ExportQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const report = await this.reports.get(auth, params.id);
    // Reading the report first is the access check: export only ever sees readable reports.
    const file = await this.exporter.export(auth, report, query.format, query.versionId);
    response.setHeader('Content-Type', file.contentType);
    response.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(file.body);
  }

  @Get('reports')
  @ZodResponse({ type: ReportListDto })
  list(@CurrentAuth() auth: AuthContext, @Query() query: ListReportsQueryDto): Promise<ReportList> {
    return this.reports.list(auth, query);
  }

  @Post('reports')
  @ZodResponse({ status: 201, type: ReportDto })
  create(@CurrentAuth() auth: AuthContext, @Body() body: CreateReportRequestDto): Promise<Report> {
    return this.reports.create(auth, body);
  }

  @Get('reports/:id')
  @ZodResponse({ type: ReportDto })
  get(@CurrentAuth() auth: AuthContext, @Param() params: IdParams): Promise<Report> {
    return this.reports.get(auth, params.id);
  }

  @Patch('reports/:id')
  @ZodResponse({ type: ReportDto })
  update(@CurrentAuth() auth: AuthContext, @Param() params: IdParams, @Body() body: UpdateReportRequestDto): Promise<Report> {
    return this.reports.update(auth, params.id, body);
  }

  @Post('reports/:id/status')
  @HttpCode(200)
  @ZodResponse({ type: ReportDto })
  changeStatus(@CurrentAuth() auth: AuthContext, @Param() params: IdParams, @Body() body: ChangeReportStatusRequestDto): Promise<Report> {
    return this.reports.changeStatus(auth, params.id, body.status, body.reviewerIds);
  }

  @Get('reports/:id/reviewer-candidates')
  @ZodResponse({ type: ReviewerCandidateListDto })
  async reviewerCandidates(@CurrentAuth() auth: AuthContext, @Param() params: IdParams): Promise<ReviewerCandidateList> {
    return { items: await this.reports.reviewerCandidates(auth, params.id) };
  }

  @Get('reports/:id/submission-notice')
  @ZodResponse({ type: SubmissionNoticeDto })
  submissionNotice(@CurrentAuth() auth: AuthContext, @Param() params: IdParams): Promise<SubmissionNotice> {
    return this.reports.submissionNotice(auth, params.id);
  }

  @Post('reports/:id/archive')
  @HttpCode(200)
  @ZodResponse({ type: ReportDto })
  archive(@CurrentAuth() auth: AuthContext, @Param() params: IdParams, @Body() body: ArchiveReportRequestDto): Promise<Report> {
    return this.reports.setArchived(auth, params.id, body.archived);
  }

  @Get('report-templates')
  @ZodResponse({ type: ReportTemplateListDto })
  async templates(@CurrentAuth() auth: AuthContext, @Query() query: TemplatesQueryDto): Promise<{ items: ReportTemplate[] }> {
    return { items: await this.reports.templates(auth, query.organisationId) };
  }

  @Post('reports/:id/save-as-template')
  @ZodResponse({ status: 201, type: ReportTemplateDto })
  saveAsTemplate(@CurrentAuth() auth: AuthContext, @Param() params: IdParams, @Body() body: SaveAsTemplateRequestDto): Promise<ReportTemplate> {
    return this.reports.saveAsTemplate(auth, params.id, body);
  }

  @Get('reports/:id/versions')
  @ZodResponse({ type: VersionListDto })
  async versions(@CurrentAuth() auth: AuthContext, @Param() params: IdParams): Promise<{ items: Version[] }> {
    return { items: await this.reports.listVersions(auth, params.id) };
  }

  @Post('reports/:id/versions')
  @ZodResponse({ status: 201, type: VersionDto })
  saveVersion(@CurrentAuth() auth: AuthContext, @Param() params: IdParams, @Body() body: CreateVersionRequestDto): Promise<Version> {
    return this.reports.saveVersion(auth, params.id, body.name);
  }

  @Get('reports/:id/versions/:versionId')
  @ZodResponse({ type: VersionContentDto })
  version(@CurrentAuth() auth: AuthContext, @Param() params: VersionParams): Promise<VersionContent> {
    return this.reports.versionContent(auth, params.id, params.versionId);
  }

  @Post('reports/:id/versions/:versionId/restore')
  @ZodResponse({ status: 201, type: VersionDto })
  restore(@CurrentAuth() auth: AuthContext, @Param() params: VersionParams): Promise<Version> {
    return this.reports.restoreVersion(auth, params.id, params.versionId);
  }
}
