import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { type AuthContext, CurrentAuth, sendAttachment, ZodResponse } from '@simashe/api-core';
import {
  CitationQuerySchema,
  IdParamSchema,
  ListPublicationsQuerySchema,
  PublicationInputSchema,
  PublicationListSchema,
  PublicationSchema,
  PublicationStatusChangeSchema,
  type Publication,
  type PublicationList,
} from '@simashe/contracts';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { citationKey, toBibtex, toRis } from './citation';
import { PublicationsService } from './publications.service';

class IdParams extends createZodDto(IdParamSchema) {}
class ListPublicationsQueryDto extends createZodDto(ListPublicationsQuerySchema) {}
class CitationQueryDto extends createZodDto(CitationQuerySchema) {}
class PublicationInputDto extends createZodDto(PublicationInputSchema) {}
class PublicationStatusChangeDto extends createZodDto(PublicationStatusChangeSchema) {}
class PublicationDto extends createZodDto(PublicationSchema) {}
class PublicationListDto extends createZodDto(PublicationListSchema) {}

/** Joint publications: what the caller may read, their authors' organisations' to write. */
@ApiTags('publications')
@Controller('publications')
export class PublicationsController {
  constructor(private readonly publications: PublicationsService) {}

  @Get()
  @ZodResponse({ type: PublicationListDto })
  async list(@CurrentAuth() auth: AuthContext, @Query() query: ListPublicationsQueryDto): Promise<PublicationList> {
    return { items: await this.publications.list(auth, query) };
  }

  @Post()
  @ZodResponse({ status: 201, type: PublicationDto })
  create(@CurrentAuth() auth: AuthContext, @Body() body: PublicationInputDto): Promise<Publication> {
    return this.publications.create(auth, body);
  }

  @Get(':id')
  @ZodResponse({ type: PublicationDto })
  get(@CurrentAuth() auth: AuthContext, @Param() params: IdParams): Promise<Publication> {
    return this.publications.get(auth, params.id);
  }

  @Put(':id')
  @ZodResponse({ type: PublicationDto })
  update(@CurrentAuth() auth: AuthContext, @Param() params: IdParams, @Body() body: PublicationInputDto): Promise<Publication> {
    return this.publications.update(auth, params.id, body);
  }

  @Post(':id/status')
  @HttpCode(200)
  @ZodResponse({ type: PublicationDto })
  changeStatus(@CurrentAuth() auth: AuthContext, @Param() params: IdParams, @Body() body: PublicationStatusChangeDto): Promise<Publication> {
    return this.publications.changeStatus(auth, params.id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentAuth() auth: AuthContext, @Param() params: IdParams): Promise<void> {
    return this.publications.remove(auth, params.id);
  }

  /** The citation as a file for reference managers: BibTeX (.bib) or RIS (.ris), UTF-8. */
  @Get(':id/citation')
  @ApiProduces('application/x-bibtex', 'application/x-research-info-systems')
  async citation(@CurrentAuth() auth: AuthContext, @Param() params: IdParams, @Query() query: CitationQueryDto, @Res() response: Response): Promise<void> {
    const publication = await this.publications.get(auth, params.id);
    const bibtex = query.format === 'bibtex';
    sendAttachment(response, {
      name: `${citationKey(publication)}.${bibtex ? 'bib' : 'ris'}`,
      contentType: `${bibtex ? 'application/x-bibtex' : 'application/x-research-info-systems'}; charset=utf-8`,
      data: Buffer.from(bibtex ? toBibtex(publication) : toRis(publication), 'utf8'),
    });
  }
}
