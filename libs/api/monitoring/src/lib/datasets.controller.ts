import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import { type AuthContext, CurrentAuth, FileOnlyFormDto, readerLanguage, ZodResponse } from '@simashe/api-core';
import {
  LanguageQuerySchema,
  MonitoringChartRequestSchema,
  MonitoringChartSchema,
  MonitoringChartViewSchema,
  type MonitoringChart,
  type MonitoringChartView,
  CompareQuerySchema,
  ComparisonSchema,
  MeasuresQuerySchema,
  SummaryMeasuresSchema,
  type Comparison,
  type SummaryMeasures,
  CreateDatasetRequestSchema,
  DatasetCatalogueSchema,
  DatasetDataQuerySchema,
  DatasetExportQuerySchema,
  DatasetImportResultSchema,
  DatasetListSchema,
  DatasetRowsSchema,
  DatasetSchema,
  IdParamSchema,
  MAX_DATASET_FILE_BYTES,
  PublishDatasetRequestSchema,
  UpdateDatasetRequestSchema,
  type Dataset,
  type DatasetCatalogue,
  type DatasetImportResult,
  type DatasetList,
  type DatasetRows,
} from '@simashe/contracts';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { DatasetsService, type UploadedDatasetFile } from './datasets.service';
import { DatasetExports } from './dataset-exports';
import { MeasuresService } from './measures.service';
import { MonitoringChartsService } from './monitoring-charts.service';

class IdParams extends createZodDto(IdParamSchema) {}
class DatasetDto extends createZodDto(DatasetSchema) {}
class DatasetListDto extends createZodDto(DatasetListSchema) {}
class CreateDatasetDto extends createZodDto(CreateDatasetRequestSchema) {}
class UpdateDatasetDto extends createZodDto(UpdateDatasetRequestSchema) {}
class PublishDatasetDto extends createZodDto(PublishDatasetRequestSchema) {}
class ImportResultDto extends createZodDto(DatasetImportResultSchema) {}
class ImportQueryDto extends createZodDto(z.strictObject({ dryRun: z.enum(['true', 'false'], { error: 'dryRun must be true or false' }).optional() })) {}
class CatalogueDto extends createZodDto(DatasetCatalogueSchema) {}
class CatalogueQueryDto extends createZodDto(DatasetDataQuerySchema.pick({ version: true })) {}
class DataQueryDto extends createZodDto(DatasetDataQuerySchema) {}
class RowsDto extends createZodDto(DatasetRowsSchema) {}
class ExportQueryDto extends createZodDto(DatasetExportQuerySchema) {}
class MeasuresQueryDto extends createZodDto(MeasuresQuerySchema) {}
class MeasuresDto extends createZodDto(SummaryMeasuresSchema) {}
class CompareQueryDto extends createZodDto(CompareQuerySchema) {}
class ComparisonDto extends createZodDto(ComparisonSchema) {}
class ChartRequestDto extends createZodDto(MonitoringChartRequestSchema) {}
class ChartDto extends createZodDto(MonitoringChartSchema) {}
class ChartViewDto extends createZodDto(MonitoringChartViewSchema) {}
class LanguageQueryDto extends createZodDto(LanguageQuerySchema) {}

/** Uploads are written to disk and streamed from there: a 200 MB file never sits in memory. */
const UPLOAD_DIR = join(tmpdir(), 'simashe-dataset-uploads');

@ApiTags('monitoring')
@Controller('datasets')
export class DatasetsController {
  constructor(
    private readonly datasets: DatasetsService,
    private readonly exports: DatasetExports,
    private readonly measures: MeasuresService,
    private readonly charts: MonitoringChartsService,
  ) {}

  /** Saves a chart or measure table of the dataset for a report to embed (pinned to a version, or following the current one). */
  @Post(':id/charts')
  @ZodResponse({ status: 201, type: ChartDto })
  createChart(@CurrentAuth() auth: AuthContext, @Param() params: IdParams, @Body() body: ChartRequestDto): Promise<MonitoringChart> {
    return this.charts.create(auth, params.id, body);
  }

  /** Datasets of the organisations the caller reads, and every dataset published to the network. */
  @Get()
  @ZodResponse({ type: DatasetListDto })
  list(@CurrentAuth() auth: AuthContext): Promise<DatasetList> {
    return this.datasets.list(auth);
  }

  @Post()
  @ZodResponse({ status: 201, type: DatasetDto })
  create(@CurrentAuth() auth: AuthContext, @Body() body: CreateDatasetDto): Promise<Dataset> {
    return this.datasets.create(auth, body);
  }

  @Get(':id')
  @ZodResponse({ type: DatasetDto })
  get(@CurrentAuth() auth: AuthContext, @Param() params: IdParams): Promise<Dataset> {
    return this.datasets.get(auth, params.id);
  }

  @Patch(':id')
  @ZodResponse({ type: DatasetDto })
  update(@CurrentAuth() auth: AuthContext, @Param() params: IdParams, @Body() body: UpdateDatasetDto): Promise<Dataset> {
    return this.datasets.update(auth, params.id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentAuth() auth: AuthContext, @Param() params: IdParams): Promise<void> {
    await this.datasets.remove(auth, params.id);
  }

  /** Secretariat admins publish a dataset to the whole network (or take it back). */
  @Post(':id/publish')
  @HttpCode(200)
  @ZodResponse({ type: DatasetDto })
  publish(@CurrentAuth() auth: AuthContext, @Param() params: IdParams, @Body() body: PublishDatasetDto): Promise<Dataset> {
    return this.datasets.publish(auth, params.id, body.published);
  }

  /**
   * Multipart upload (form field "file", CSV or XLSX in the HEAT Plus template layout) as the next version. Answers
   * the validation report: `saved` false with every problem (line, column, code) and nothing stored, or the new
   * version. `?dryRun=true` only checks.
   */
  @Post(':id/versions')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(FileInterceptor('file', { dest: UPLOAD_DIR, limits: { fileSize: MAX_DATASET_FILE_BYTES, files: 1 } }))
  @ZodResponse({ type: ImportResultDto })
  importFile(
    @CurrentAuth() auth: AuthContext,
    @Param() params: IdParams,
    @Query() query: ImportQueryDto,
    @UploadedFile() file: UploadedDatasetFile | undefined,
    @Body() _form: FileOnlyFormDto,
  ): Promise<DatasetImportResult> {
    return this.datasets.importFile(auth, params.id, file, query.dryRun === 'true');
  }

  @Get(':id/catalogue')
  @ZodResponse({ type: CatalogueDto })
  catalogue(@CurrentAuth() auth: AuthContext, @Param() params: IdParams, @Query() query: CatalogueQueryDto): Promise<DatasetCatalogue> {
    return this.datasets.catalogue(auth, params.id, query.version);
  }

  @Get(':id/data')
  @ZodResponse({ type: RowsDto })
  data(@CurrentAuth() auth: AuthContext, @Param() params: IdParams, @Query() query: DataQueryDto): Promise<DatasetRows> {
    return this.datasets.data(auth, params.id, query);
  }

  /**
   * HEAT's summary measures for one indicator × dimension, every year (one setting or all), with 95 % intervals;
   * `?measures=sii,rii` only those (400 when one cannot apply to the dimension at all).
   */
  @Get(':id/measures')
  @ZodResponse({ type: MeasuresDto })
  summaryMeasures(@CurrentAuth() auth: AuthContext, @Param() params: IdParams, @Query() query: MeasuresQueryDto): Promise<SummaryMeasures> {
    return this.measures.measures(auth, params.id, query);
  }

  /** Each setting's average against one measure of its inequality, for one year (each setting's latest by default). */
  @Get(':id/compare')
  @ZodResponse({ type: ComparisonDto })
  compare(@CurrentAuth() auth: AuthContext, @Param() params: IdParams, @Query() query: CompareQueryDto): Promise<Comparison> {
    return this.measures.compare(auth, params.id, query);
  }

  /** The data (in the template's layout, so it imports again) or the summary measures, as CSV or XLSX. */
  @Get(':id/export')
  async export(@CurrentAuth() auth: AuthContext, @Param() params: IdParams, @Query() query: ExportQueryDto, @Res() response: Response): Promise<void> {
    const file = await this.exports.export(auth, params.id, query);
    response
      .status(200)
      .setHeader('Content-Type', file.contentType)
      .setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
      .setHeader('X-Content-Type-Options', 'nosniff')
      .send(file.data);
  }
}

@ApiTags('monitoring')
@Controller('monitoring-charts')
export class MonitoringChartsController {
  constructor(private readonly charts: MonitoringChartsService) {}

  /** What an embedded chart draws, from the dataset's current version or the pinned one. */
  @Get(':id')
  @ZodResponse({ type: ChartViewDto })
  view(@CurrentAuth() auth: AuthContext, @Param() params: IdParams): Promise<MonitoringChartView> {
    return this.charts.view(auth, params.id);
  }

  /** The chart drawn on the server (as exports draw it), in the reader's language or `?lang=`. */
  @Get(':id/svg')
  async svg(@CurrentAuth() auth: AuthContext, @Param() params: IdParams, @Query() query: LanguageQueryDto, @Res() response: Response): Promise<void> {
    const svg = await this.charts.svg(auth, params.id, query.lang ?? readerLanguage(auth));
    response.status(200).setHeader('Content-Type', 'image/svg+xml; charset=utf-8').setHeader('X-Content-Type-Options', 'nosniff').send(svg);
  }
}
