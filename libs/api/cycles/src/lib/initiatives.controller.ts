import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import { type AuthContext, CurrentAuth, FileOnlyFormDto, readerLanguage, sendAttachment, type UploadedFileData, ZodResponse } from '@simashe/api-core';
import {
  ActivityListSchema,
  ActivityQuerySchema,
  DashboardExportQuerySchema,
  DashboardFiltersSchema,
  DashboardSchema,
  DriverNodeInputSchema,
  DriverNodeSchema,
  IdParamSchema,
  FileParamsSchema,
  MAX_UPLOAD_FILE_BYTES,
  StoredFileSchema,
  InitiativeDetailSchema,
  InitiativeFiltersSchema,
  InitiativeInputSchema,
  InitiativeListSchema,
  InitiativeSchema,
  MeasureInputSchema,
  MeasureSchema,
  StartCycleRequestSchema,
  CycleSchema,
  UpdateInitiativeRequestSchema,
  type ActivityItem,
  type Cycle,
  type Dashboard,
  type DriverNode,
  type Initiative,
  type InitiativeDetail,
  type Measure,
  type StoredFile,
} from '@simashe/contracts';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { CyclesService } from './cycles.service';
import { DashboardService } from './dashboard.service';
import { MeasuresService } from './measures.service';

class IdParams extends createZodDto(IdParamSchema) {}
class FileParams extends createZodDto(FileParamsSchema) {}
class StoredFileDto extends createZodDto(StoredFileSchema) {}
class InitiativeFiltersDto extends createZodDto(InitiativeFiltersSchema) {}
class InitiativeInputDto extends createZodDto(InitiativeInputSchema) {}
class UpdateInitiativeDto extends createZodDto(UpdateInitiativeRequestSchema) {}
class InitiativeDto extends createZodDto(InitiativeSchema) {}
class InitiativeListDto extends createZodDto(InitiativeListSchema) {}
class InitiativeDetailDto extends createZodDto(InitiativeDetailSchema) {}
class DriverNodeInputDto extends createZodDto(DriverNodeInputSchema) {}
class DriverListDto extends createZodDto(z.object({ items: z.array(DriverNodeSchema) })) {}
class StartCycleDto extends createZodDto(StartCycleRequestSchema) {}
class CycleDto extends createZodDto(CycleSchema) {}
class MeasureInputDto extends createZodDto(MeasureInputSchema) {}
class MeasureDto extends createZodDto(MeasureSchema) {}
class DashboardFiltersDto extends createZodDto(DashboardFiltersSchema) {}
class DashboardExportDto extends createZodDto(DashboardExportQuerySchema) {}
class DashboardDto extends createZodDto(DashboardSchema) {}
class ActivityQueryDto extends createZodDto(ActivityQuerySchema) {}
class ActivityListDto extends createZodDto(ActivityListSchema) {}

@ApiTags('cycles')
@Controller('initiatives')
export class InitiativesController {
  constructor(
    private readonly cycles: CyclesService,
    private readonly measures: MeasuresService,
  ) {}

  @Get()
  @ZodResponse({ type: InitiativeListDto })
  async list(@CurrentAuth() auth: AuthContext, @Query() filters: InitiativeFiltersDto): Promise<{ items: Initiative[] }> {
    return { items: await this.cycles.list(auth, filters) };
  }

  @Post()
  @ZodResponse({ status: 201, type: InitiativeDto })
  create(@CurrentAuth() auth: AuthContext, @Body() body: InitiativeInputDto): Promise<Initiative> {
    return this.cycles.create(auth, body);
  }

  /** Everything on the initiative page: the initiative, its driver diagram, cycles and measures. */
  @Get(':id')
  @ZodResponse({ type: InitiativeDetailDto })
  detail(@CurrentAuth() auth: AuthContext, @Param() params: IdParams): Promise<InitiativeDetail> {
    return this.cycles.detail(auth, params.id);
  }

  @Put(':id')
  @ZodResponse({ type: InitiativeDto })
  update(@CurrentAuth() auth: AuthContext, @Param() params: IdParams, @Body() body: UpdateInitiativeDto): Promise<Initiative> {
    return this.cycles.update(auth, params.id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentAuth() auth: AuthContext, @Param() params: IdParams): Promise<void> {
    return this.cycles.remove(auth, params.id);
  }

  @Post(':id/drivers')
  @ZodResponse({ status: 201, type: DriverListDto })
  async addDriver(@CurrentAuth() auth: AuthContext, @Param() params: IdParams, @Body() body: DriverNodeInputDto): Promise<{ items: DriverNode[] }> {
    return { items: await this.cycles.addDriver(auth, params.id, body) };
  }

  /** Starts the next cycle (409 while another is active). */
  @Post(':id/cycles')
  @ZodResponse({ status: 201, type: CycleDto })
  startCycle(@CurrentAuth() auth: AuthContext, @Param() params: IdParams, @Body() body: StartCycleDto): Promise<Cycle> {
    return this.cycles.startCycle(auth, params.id, body);
  }

  /** An evidence file for an observation to cite (multipart, form field "file", at most 10 MB). */
  @Post(':id/files')
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_UPLOAD_FILE_BYTES, files: 1 } }))
  @ZodResponse({ status: 201, type: StoredFileDto })
  addFile(@CurrentAuth() auth: AuthContext, @Param() params: IdParams, @Body() _form: FileOnlyFormDto, @UploadedFile() file: UploadedFileData | undefined): Promise<StoredFile> {
    return this.cycles.addEvidenceFile(auth, params.id, file);
  }

  @Get(':id/files/:fileId')
  async file(@CurrentAuth() auth: AuthContext, @Param() params: FileParams, @Res() response: Response): Promise<void> {
    sendAttachment(response, await this.cycles.evidenceFile(auth, params.id, params.fileId));
  }

  @Post(':id/measures')
  @ZodResponse({ status: 201, type: MeasureDto })
  addMeasure(@CurrentAuth() auth: AuthContext, @Param() params: IdParams, @Body() body: MeasureInputDto): Promise<Measure> {
    return this.measures.create(auth, params.id, body);
  }
}

@ApiTags('cycles')
@Controller('cycles-dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  /** The regional office's region, the secretariat's network: whatever pathfinders the viewer may read. */
  @Get()
  @ZodResponse({ type: DashboardDto })
  get(@CurrentAuth() auth: AuthContext, @Query() filters: DashboardFiltersDto): Promise<Dashboard> {
    return this.dashboard.dashboard(auth, filters);
  }

  /** CSV or PDF, in the reader's preferred language or the one `?lang=` asks for. */
  @Get('export')
  async export(@CurrentAuth() auth: AuthContext, @Query() query: DashboardExportDto, @Res() response: Response): Promise<void> {
    const { format, lang, ...filters } = query;
    const language = readerLanguage(auth, lang);
    const body = format === 'csv' ? await this.dashboard.csv(auth, filters, language) : await this.dashboard.pdf(auth, filters, language);
    response
      .status(200)
      .setHeader('Content-Type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/pdf')
      .setHeader('Content-Disposition', `attachment; filename="simashe-cycles-dashboard-${new Date().toISOString().slice(0, 10)}.${format}"`)
      .setHeader('X-Content-Type-Options', 'nosniff')
      .send(body);
  }

  /** Recent changes across the initiatives the viewer may read. */
  @Get('activity')
  @ZodResponse({ type: ActivityListDto })
  async activity(@CurrentAuth() auth: AuthContext, @Query() query: ActivityQueryDto): Promise<{ items: ActivityItem[] }> {
    return { items: await this.dashboard.activity(auth, query) };
  }
}
