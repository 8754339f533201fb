import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import { type AuthContext, CurrentAuth, FileOnlyFormDto, localDay, readerTimeZone, sendAttachment, type UploadedFileData, ZodResponse } from '@simashe/api-core';
import {
  ExportLessonsQuerySchema,
  FileParamsSchema,
  LessonFileSchema,
  MAX_UPLOAD_FILE_BYTES,
  type LessonFile,
  LessonFiltersSchema,
  LessonInputSchema,
  LessonListSchema,
  LessonParamsSchema,
  LessonSchema,
  LessonStatusRequestSchema,
  UpdateLessonRequestSchema,
  type Lesson,
} from '@simashe/contracts';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { LessonsService } from './lessons.service';

class LessonFiltersDto extends createZodDto(LessonFiltersSchema) {}
class ExportLessonsQueryDto extends createZodDto(ExportLessonsQuerySchema) {}
class LessonInputDto extends createZodDto(LessonInputSchema) {}
class UpdateLessonRequestDto extends createZodDto(UpdateLessonRequestSchema) {}
class LessonStatusRequestDto extends createZodDto(LessonStatusRequestSchema) {}
class LessonParams extends createZodDto(LessonParamsSchema) {}
class LessonDto extends createZodDto(LessonSchema) {}
class LessonListDto extends createZodDto(LessonListSchema) {}
class LessonFileDto extends createZodDto(LessonFileSchema) {}
class LessonFileParams extends createZodDto(FileParamsSchema) {}

const EXPORT_LIMIT = 10_000;

@ApiTags('lessons')
@Controller('lessons')
export class LessonsController {
  constructor(private readonly lessons: LessonsService) {}

  @Get()
  @ZodResponse({ type: LessonListDto })
  async list(@CurrentAuth() auth: AuthContext, @Query() filters: LessonFiltersDto): Promise<{ items: Lesson[] }> {
    return { items: await this.lessons.list(auth, filters) };
  }

  /** The lessons the person may read, with the list's filters applied, as CSV or Excel. */
  @Get('export')
  async export(@CurrentAuth() auth: AuthContext, @Query() query: ExportLessonsQueryDto, @Res() response: Response): Promise<void> {
    const { format } = query;
    const body = await this.lessons.export(auth, query, EXPORT_LIMIT);
    const stamp = localDay(new Date(), readerTimeZone(auth));
    response
      .status(200)
      .setHeader('Content-Type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .setHeader('Content-Disposition', `attachment; filename="simashe-lessons-${stamp}.${format}"`)
      .send(body);
  }

  @Post()
  @ZodResponse({ status: 201, type: LessonDto })
  create(@CurrentAuth() auth: AuthContext, @Body() body: LessonInputDto): Promise<Lesson> {
    return this.lessons.create(auth, body);
  }

  @Get(':id')
  @ZodResponse({ type: LessonDto })
  get(@CurrentAuth() auth: AuthContext, @Param() params: LessonParams): Promise<Lesson> {
    return this.lessons.get(auth, params.id);
  }

  @Put(':id')
  @ZodResponse({ type: LessonDto })
  update(@CurrentAuth() auth: AuthContext, @Param() params: LessonParams, @Body() body: UpdateLessonRequestDto): Promise<Lesson> {
    return this.lessons.update(auth, params.id, body);
  }

  @Put(':id/status')
  @ZodResponse({ type: LessonDto })
  setStatus(@CurrentAuth() auth: AuthContext, @Param() params: LessonParams, @Body() body: LessonStatusRequestDto): Promise<Lesson> {
    return this.lessons.setStatus(auth, params.id, body.status);
  }

  /** Multipart upload, form field "file"; at most 10 MB. */
  @Post(':id/files')
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_UPLOAD_FILE_BYTES, files: 1 } }))
  @ZodResponse({ status: 201, type: LessonFileDto })
  addFile(@CurrentAuth() auth: AuthContext, @Param() params: LessonParams, @Body() _form: FileOnlyFormDto, @UploadedFile() file: UploadedFileData | undefined): Promise<LessonFile> {
    return this.lessons.addFile(auth, params.id, file);
  }

  @Get(':id/files/:fileId')
  async file(@CurrentAuth() auth: AuthContext, @Param() params: LessonFileParams, @Res() response: Response): Promise<void> {
    sendAttachment(response, await this.lessons.file(auth, params.id, params.fileId));
  }

  @Delete(':id/files/:fileId')
  @HttpCode(204)
  removeFile(@CurrentAuth() auth: AuthContext, @Param() params: LessonFileParams): Promise<void> {
    return this.lessons.removeFile(auth, params.id, params.fileId);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentAuth() auth: AuthContext, @Param() params: LessonParams): Promise<void> {
    return this.lessons.remove(auth, params.id);
  }
}
