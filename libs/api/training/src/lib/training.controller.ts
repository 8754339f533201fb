import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Put, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { APP_CONFIG, type AppConfig, type AuthContext, CurrentAuth, Public, readerLanguage, sendAttachment, ZodResponse } from '@simashe/api-core';
import {
  CertificateCodeParamsSchema,
  CertificateSchema,
  CourseCompletionSchema,
  CourseInputSchema,
  CourseListSchema,
  CourseSchema,
  IdParamSchema,
  ModuleParamsSchema,
  ModuleProgressInputSchema,
  ModuleProgressResultSchema,
  type Certificate,
  type Course,
  type CourseCompletion,
  type CourseList,
  type ModuleProgressResult,
} from '@simashe/contracts';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { certificatePdf } from './certificate-pdf';
import { TrainingService } from './training.service';

class IdParams extends createZodDto(IdParamSchema) {}
class ModuleParams extends createZodDto(ModuleParamsSchema) {}
class CodeParams extends createZodDto(CertificateCodeParamsSchema) {}
class CourseInputDto extends createZodDto(CourseInputSchema) {}
class ModuleProgressInputDto extends createZodDto(ModuleProgressInputSchema) {}
class CourseDto extends createZodDto(CourseSchema) {}
class CourseListDto extends createZodDto(CourseListSchema) {}
class ModuleProgressResultDto extends createZodDto(ModuleProgressResultSchema) {}
class CourseCompletionDto extends createZodDto(CourseCompletionSchema) {}
class CertificateDto extends createZodDto(CertificateSchema) {}

/** Courses, enrolment, progress, certificates and completion figures, for people signed in. */
@ApiTags('training')
@Controller('training')
export class TrainingController {
  constructor(
    private readonly training: TrainingService,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'publicUrl'>,
  ) {}

  @Get('courses')
  @ZodResponse({ type: CourseListDto })
  async list(@CurrentAuth() auth: AuthContext): Promise<CourseList> {
    return { items: await this.training.list(auth) };
  }

  @Post('courses')
  @ZodResponse({ status: 201, type: CourseDto })
  create(@CurrentAuth() auth: AuthContext, @Body() body: CourseInputDto): Promise<Course> {
    return this.training.create(auth, body);
  }

  @Get('courses/:id')
  @ZodResponse({ type: CourseDto })
  get(@CurrentAuth() auth: AuthContext, @Param() params: IdParams): Promise<Course> {
    return this.training.get(auth, params.id);
  }

  /** The whole course: modules keep their id (and their learners' progress); those left out are removed. */
  @Put('courses/:id')
  @ZodResponse({ type: CourseDto })
  update(@CurrentAuth() auth: AuthContext, @Param() params: IdParams, @Body() body: CourseInputDto): Promise<Course> {
    return this.training.update(auth, params.id, body);
  }

  @Delete('courses/:id')
  @HttpCode(204)
  remove(@CurrentAuth() auth: AuthContext, @Param() params: IdParams): Promise<void> {
    return this.training.remove(auth, params.id);
  }

  @Post('courses/:id/enrolment')
  @ZodResponse({ status: 201, type: CourseDto })
  enrol(@CurrentAuth() auth: AuthContext, @Param() params: IdParams): Promise<Course> {
    return this.training.enrol(auth, params.id);
  }

  @Post('courses/:id/modules/:moduleId/progress')
  @HttpCode(200)
  @ZodResponse({ type: ModuleProgressResultDto })
  progress(@CurrentAuth() auth: AuthContext, @Param() params: ModuleParams, @Body() body: ModuleProgressInputDto): Promise<ModuleProgressResult> {
    return this.training.progress(auth, params.id, params.moduleId, body);
  }

  /** The caller's certificate as a PDF, in their language, once every module is done. */
  @Get('courses/:id/certificate')
  @ApiProduces('application/pdf')
  async certificate(@CurrentAuth() auth: AuthContext, @Param() params: IdParams, @Res() response: Response): Promise<void> {
    const certificate = await this.training.certificateOf(auth, params.id);
    const data = await certificatePdf(certificate, readerLanguage(auth), this.config.publicUrl, auth.timeZone);
    sendAttachment(response, { name: `certificate-${certificate.code}.pdf`, contentType: 'application/pdf', data });
  }

  @Get('courses/:id/completion')
  @ZodResponse({ type: CourseCompletionDto })
  completion(@CurrentAuth() auth: AuthContext, @Param() params: IdParams): Promise<CourseCompletion> {
    return this.training.completion(auth, params.id);
  }
}

/** The public check of a certificate: anyone holding one, or shown one, verifies its code without signing in. */
@ApiTags('training')
@Public()
@Controller('public')
export class PublicCertificatesController {
  constructor(private readonly training: TrainingService) {}

  @Get('certificates/:code')
  @ZodResponse({ type: CertificateDto })
  verify(@Param() params: CodeParams): Promise<Certificate> {
    return this.training.verify(params.code);
  }
}
