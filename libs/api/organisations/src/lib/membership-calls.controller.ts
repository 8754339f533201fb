import { Body, Controller, Get, Headers, Param, Post, Put, Res, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import { type AuthContext, CurrentAuth, Public, sendAttachment, type UploadedFileData, ZodResponse } from '@simashe/api-core';
import {
  ApplicationDetailSchema,
  ApplicationFormSchema,
  ApplicationListSchema,
  ApplicationStatusSchema,
  ApplicationSubmittedSchema,
  ApplicationTokenParamsSchema,
  CallListSchema,
  CallSchema,
  CreateCallRequestSchema,
  DecisionRequestSchema,
  DecisionResultSchema,
  IdParamSchema,
  MAX_SUPPORTING_DOCUMENT_BYTES,
  MAX_SUPPORTING_DOCUMENTS,
  ReviewRequestSchema,
  UuidSchema,
  type ApplicationDetail,
  type ApplicationList,
  type ApplicationStatusView,
  type ApplicationSubmitted,
  type Call,
  type CallList,
  type DecisionResult,
} from '@simashe/contracts';
import { languageFromAcceptLanguage } from '@simashe/messages';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { MembershipCallsService } from './membership-calls.service';

class IdParams extends createZodDto(IdParamSchema) {}
class DocumentParams extends createZodDto(z.strictObject({ id: UuidSchema, fileId: UuidSchema })) {}
class TokenParams extends createZodDto(ApplicationTokenParamsSchema) {}
class CreateCallRequestDto extends createZodDto(CreateCallRequestSchema) {}
class ApplicationFormDto extends createZodDto(ApplicationFormSchema) {}
class ReviewRequestDto extends createZodDto(ReviewRequestSchema) {}
class DecisionRequestDto extends createZodDto(DecisionRequestSchema) {}
class CallDto extends createZodDto(CallSchema) {}
class CallListDto extends createZodDto(CallListSchema) {}
class ApplicationSubmittedDto extends createZodDto(ApplicationSubmittedSchema) {}
class ApplicationStatusDto extends createZodDto(ApplicationStatusSchema) {}
class ApplicationListDto extends createZodDto(ApplicationListSchema) {}
class ApplicationDetailDto extends createZodDto(ApplicationDetailSchema) {}
class DecisionResultDto extends createZodDto(DecisionResultSchema) {}

@ApiTags('membership calls')
@Controller()
export class MembershipCallsController {
  constructor(private readonly calls: MembershipCallsService) {}

  /** The open call, for the public application form. */
  @Public()
  @Get('public/calls/current')
  @ZodResponse({ type: CallDto })
  current(): Promise<Call> {
    return this.calls.currentCall();
  }

  /** Multipart: the fields as JSON in "application", up to three supporting documents in "documents" (10 MB each). */
  @Public()
  @Post('public/calls/:id/applications')
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(FilesInterceptor('documents', MAX_SUPPORTING_DOCUMENTS + 1, { limits: { fileSize: MAX_SUPPORTING_DOCUMENT_BYTES, fields: 4 } }))
  @ZodResponse({ status: 201, type: ApplicationSubmittedDto })
  apply(
    @Param() params: IdParams,
    @Body() body: ApplicationFormDto,
    @UploadedFiles() files: UploadedFileData[] | undefined,
    @Headers('accept-language') acceptLanguage: string | undefined,
  ): Promise<ApplicationSubmitted> {
    return this.calls.apply(params.id, body.application, files ?? [], languageFromAcceptLanguage(acceptLanguage));
  }

  /** The applicant's own status page (the token is the one the status link carries). */
  @Public()
  @Get('public/applications/:token')
  @ZodResponse({ type: ApplicationStatusDto })
  status(@Param() params: TokenParams): Promise<ApplicationStatusView> {
    return this.calls.status(params.token);
  }

  @Get('membership-calls')
  @ZodResponse({ type: CallListDto })
  list(@CurrentAuth() auth: AuthContext): Promise<CallList> {
    return this.calls.calls(auth);
  }

  @Post('membership-calls')
  @ZodResponse({ status: 201, type: CallDto })
  create(@CurrentAuth() auth: AuthContext, @Body() body: CreateCallRequestDto): Promise<Call> {
    return this.calls.createCall(auth, body);
  }

  @Get('membership-calls/:id/applications')
  @ZodResponse({ type: ApplicationListDto })
  applications(@CurrentAuth() auth: AuthContext, @Param() params: IdParams): Promise<ApplicationList> {
    return this.calls.applications(auth, params.id);
  }

  @Get('membership-applications/:id')
  @ZodResponse({ type: ApplicationDetailDto })
  application(@CurrentAuth() auth: AuthContext, @Param() params: IdParams): Promise<ApplicationDetail> {
    return this.calls.application(auth, params.id);
  }

  @Get('membership-applications/:id/documents/:fileId')
  async document(@CurrentAuth() auth: AuthContext, @Param() params: DocumentParams, @Res() response: Response): Promise<void> {
    sendAttachment(response, await this.calls.document(auth, params.id, params.fileId));
  }

  @Put('membership-applications/:id/review')
  @ZodResponse({ type: ApplicationDetailDto })
  review(@CurrentAuth() auth: AuthContext, @Param() params: IdParams, @Body() body: ReviewRequestDto): Promise<ApplicationDetail> {
    return this.calls.review(auth, params.id, body);
  }

  @Post('membership-applications/:id/decision')
  @ZodResponse({ status: 200, type: DecisionResultDto })
  decide(@CurrentAuth() auth: AuthContext, @Param() params: IdParams, @Body() body: DecisionRequestDto): Promise<DecisionResult> {
    return this.calls.decide(auth, params.id, body);
  }
}
