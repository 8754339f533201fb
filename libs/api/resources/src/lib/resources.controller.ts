import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import { type AuthContext, CurrentAuth, FileOnlyFormDto, Public, sendAttachment, type UploadedFileData, ZodResponse } from '@simashe/api-core';
import {
  CollectionInputSchema,
  CollectionListSchema,
  CollectionSchema,
  IdParamSchema,
  ListResourcesQuerySchema,
  MAX_RESOURCE_FILE_BYTES,
  ResourceFormSchema,
  ResourceInputSchema,
  ResourceListSchema,
  ResourceSchema,
  UpdateResourceRequestSchema,
  type Collection,
  type CollectionList,
  type Resource,
  type ResourceList,
} from '@simashe/contracts';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { ResourcesService } from './resources.service';

class ListResourcesQueryDto extends createZodDto(ListResourcesQuerySchema) {}
class ResourceInputDto extends createZodDto(ResourceInputSchema) {}
class ResourceFormDto extends createZodDto(ResourceFormSchema) {}
class UpdateResourceRequestDto extends createZodDto(UpdateResourceRequestSchema) {}
class CollectionInputDto extends createZodDto(CollectionInputSchema) {}
class IdParams extends createZodDto(IdParamSchema) {}
class ResourceDto extends createZodDto(ResourceSchema) {}
class ResourceListDto extends createZodDto(ResourceListSchema) {}
class CollectionDto extends createZodDto(CollectionSchema) {}
class CollectionListDto extends createZodDto(CollectionListSchema) {}

/** The resource library for people signed in: what they may read, and their organisations' own to write. */
@ApiTags('resources')
@Controller()
export class ResourcesController {
  constructor(private readonly resources: ResourcesService) {}

  @Get('resources')
  @ZodResponse({ type: ResourceListDto })
  async list(@CurrentAuth() auth: AuthContext, @Query() query: ListResourcesQueryDto): Promise<ResourceList> {
    return { items: await this.resources.list(auth, query) };
  }

  @Post('resources')
  @ZodResponse({ status: 201, type: ResourceDto })
  create(@CurrentAuth() auth: AuthContext, @Body() body: ResourceInputDto): Promise<Resource> {
    return this.resources.create(auth, body);
  }

  /** Multipart: the fields as JSON in "resource" and the file in "file" (at most 25 MB): both stored, or neither. */
  @Post('resources/with-file')
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_RESOURCE_FILE_BYTES, files: 1 } }))
  @ZodResponse({ status: 201, type: ResourceDto })
  createWithFile(@CurrentAuth() auth: AuthContext, @Body() body: ResourceFormDto, @UploadedFile() file: UploadedFileData | undefined): Promise<Resource> {
    return this.resources.createWithFile(auth, body.resource, file);
  }

  @Get('resources/:id')
  @ZodResponse({ type: ResourceDto })
  get(@CurrentAuth() auth: AuthContext, @Param() params: IdParams): Promise<Resource> {
    return this.resources.get(auth, params.id);
  }

  @Patch('resources/:id')
  @ZodResponse({ type: ResourceDto })
  update(@CurrentAuth() auth: AuthContext, @Param() params: IdParams, @Body() body: UpdateResourceRequestDto): Promise<Resource> {
    return this.resources.update(auth, params.id, body);
  }

  @Delete('resources/:id')
  @HttpCode(204)
  remove(@CurrentAuth() auth: AuthContext, @Param() params: IdParams): Promise<void> {
    return this.resources.remove(auth, params.id);
  }

  /** Multipart upload, form field "file"; at most 25 MB; sets or replaces the resource's file. */
  @Post('resources/:id/file')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_RESOURCE_FILE_BYTES, files: 1 } }))
  @ZodResponse({ type: ResourceDto })
  putFile(@CurrentAuth() auth: AuthContext, @Param() params: IdParams, @Body() _form: FileOnlyFormDto, @UploadedFile() file: UploadedFileData | undefined): Promise<Resource> {
    return this.resources.putFile(auth, params.id, file);
  }

  @Get('resources/:id/file')
  async file(@CurrentAuth() auth: AuthContext, @Param() params: IdParams, @Res() response: Response): Promise<void> {
    sendAttachment(response, await this.resources.file(auth, params.id));
  }

  @Get('resource-collections')
  @ZodResponse({ type: CollectionListDto })
  async collections(@CurrentAuth() auth: AuthContext): Promise<CollectionList> {
    return { items: await this.resources.collections(auth) };
  }

  @Put('resource-collections/:id')
  @ZodResponse({ type: CollectionDto })
  saveCollection(@CurrentAuth() auth: AuthContext, @Param() params: IdParams, @Body() body: CollectionInputDto): Promise<Collection> {
    return this.resources.saveCollection(auth, params.id, body);
  }
}

/** The public library: what anyone may read without signing in (public resources, and the collections' public items). */
@ApiTags('resources')
@Public()
@Controller('public')
export class PublicResourcesController {
  constructor(private readonly resources: ResourcesService) {}

  @Get('resources')
  @ZodResponse({ type: ResourceListDto })
  async list(@Query() query: ListResourcesQueryDto): Promise<ResourceList> {
    return { items: await this.resources.list(null, query) };
  }

  @Get('resources/:id')
  @ZodResponse({ type: ResourceDto })
  get(@Param() params: IdParams): Promise<Resource> {
    return this.resources.get(null, params.id);
  }

  @Get('resources/:id/file')
  async file(@Param() params: IdParams, @Res() response: Response): Promise<void> {
    sendAttachment(response, await this.resources.file(null, params.id));
  }

  @Get('resource-collections')
  @ZodResponse({ type: CollectionListDto })
  async collections(): Promise<CollectionList> {
    return { items: await this.resources.collections(null) };
  }
}
