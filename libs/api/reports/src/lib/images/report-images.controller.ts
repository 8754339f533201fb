import { Body, Controller, Get, Param, Post, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { type AuthContext, CurrentAuth, FileOnlyFormDto, type UploadedFileData, ZodResponse } from '@simashe/api-core';
import { IdParamSchema, MAX_REPORT_IMAGE_BYTES, ReportImageParamsSchema, ReportImageSchema, type ReportImage } from '@simashe/contracts';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { ReportImagesService } from './report-images.service';

class IdParams extends createZodDto(IdParamSchema) {}
class ReportImageParams extends createZodDto(ReportImageParamsSchema) {}
class ReportImageDto extends createZodDto(ReportImageSchema) {}

@ApiTags('reports')
@Controller('reports/:id/images')
export class ReportImagesController {
  constructor(private readonly images: ReportImagesService) {}

  /** Multipart upload, form field "file": a PNG, JPEG, GIF or WebP image (recognised by its bytes) of at most 5 MB. */
  @Post()
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_REPORT_IMAGE_BYTES, files: 1 } }))
  @ZodResponse({ status: 201, type: ReportImageDto })
  upload(@CurrentAuth() auth: AuthContext, @Param() params: IdParams, @Body() _form: FileOnlyFormDto, @UploadedFile() file: UploadedFileData | undefined): Promise<ReportImage> {
    return this.images.upload(auth, params.id, file);
  }

  /**
   * The image, shown inline. Its bytes never change (a new picture is a new image), so the reader's browser may keep
   * it; only that browser (private), since another person may not be allowed to see it. nosniff: it is only ever
   * the type its bytes were recognised as on upload.
   */
  @Get(':imageId')
  async image(@CurrentAuth() auth: AuthContext, @Param() params: ReportImageParams, @Res() response: Response): Promise<void> {
    const image = await this.images.image(auth, params.id, params.imageId);
    response
      .status(200)
      .setHeader('Content-Type', image.contentType)
      .setHeader('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(image.name)}`)
      .setHeader('Cache-Control', 'private, max-age=86400')
      .setHeader('X-Content-Type-Options', 'nosniff')
      .send(image.data);
  }
}
