import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type AuthContext, CurrentAuth, readerLanguage, ZodResponse } from '@simashe/api-core';
import {
  CsvImportRequestSchema,
  MyMilestoneListSchema,
  MyMilestonesQuerySchema,
  type MyMilestone,
  CycleSchema,
  CycleTransitionRequestSchema,
  DataPointParamsSchema,
  DataPointsRequestSchema,
  DriverNodeSchema,
  IdParamSchema,
  LanguageQuerySchema,
  LanguageSchema,
  LessonSchema,
  MeasureChartSchema,
  MeasureInputSchema,
  MeasureOptionListSchema,
  MeasureSchema,
  MilestoneInputSchema,
  MilestoneSchema,
  ObservationInputSchema,
  ObservationSchema,
  ReflectionSchema,
  UpdateCycleRequestSchema,
  UpdateDriverNodeRequestSchema,
  UpdateMilestoneRequestSchema,
  type Cycle,
  type DriverNode,
  type Lesson,
  type Measure,
  type MeasureChart,
  type MeasureOption,
  type Milestone,
  type Observation,
} from '@simashe/contracts';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { measureChartSvg } from './chart-svg';
import { CyclesService } from './cycles.service';
import { MeasuresService } from './measures.service';

class MyMilestoneListDto extends createZodDto(MyMilestoneListSchema) {}
class MyMilestonesQueryDto extends createZodDto(MyMilestonesQuerySchema) {}
class IdParams extends createZodDto(IdParamSchema) {}
class CycleDto extends createZodDto(CycleSchema) {}
class UpdateCycleDto extends createZodDto(UpdateCycleRequestSchema) {}
class TransitionDto extends createZodDto(CycleTransitionRequestSchema) {}
class ReflectionDto extends createZodDto(ReflectionSchema) {}
class LessonFromCycleDto extends createZodDto(z.strictObject({ language: LanguageSchema })) {}
class LessonDto extends createZodDto(LessonSchema) {}
class MilestoneInputDto extends createZodDto(MilestoneInputSchema) {}
class UpdateMilestoneDto extends createZodDto(UpdateMilestoneRequestSchema) {}
class MilestoneDto extends createZodDto(MilestoneSchema) {}
class ObservationInputDto extends createZodDto(ObservationInputSchema) {}
class ObservationDto extends createZodDto(ObservationSchema) {}
class UpdateDriverDto extends createZodDto(UpdateDriverNodeRequestSchema) {}
class DriverListDto extends createZodDto(z.object({ items: z.array(DriverNodeSchema) })) {}
class MeasureInputDto extends createZodDto(MeasureInputSchema) {}
class MeasureDto extends createZodDto(MeasureSchema) {}
class MeasureChartDto extends createZodDto(MeasureChartSchema) {}
class DataPointsDto extends createZodDto(DataPointsRequestSchema) {}
class DataPointParams extends createZodDto(DataPointParamsSchema) {}
class CsvImportDto extends createZodDto(CsvImportRequestSchema) {}
class MeasureOptionListDto extends createZodDto(MeasureOptionListSchema) {}
class LanguageQueryDto extends createZodDto(LanguageQuerySchema) {}
class CsvImportResultDto extends createZodDto(z.object({ imported: z.number().int(), chart: MeasureChartSchema })) {}

@ApiTags('cycles')
@Controller('cycles')
export class CyclesController {
  constructor(private readonly cycles: CyclesService) {}

  @Get(':id')
  @ZodResponse({ type: CycleDto })
  get(@CurrentAuth() auth: AuthContext, @Param() params: IdParams): Promise<Cycle> {
    return this.cycles.cycle(auth, params.id);
  }

  /** Title, plan and the change ideas it tests. */
  @Put(':id')
  @ZodResponse({ type: CycleDto })
  update(@CurrentAuth() auth: AuthContext, @Param() params: IdParams, @Body() body: UpdateCycleDto): Promise<Cycle> {
    return this.cycles.updateCycle(auth, params.id, body);
  }

  /** Next stage, or back to the previous one; 409 with the reason otherwise. */
  @Post(':id/stage')
  @HttpCode(200)
  @ZodResponse({ type: CycleDto })
  transition(@CurrentAuth() auth: AuthContext, @Param() params: IdParams, @Body() body: TransitionDto): Promise<Cycle> {
    return this.cycles.transition(auth, params.id, body.to);
  }

  @Put(':id/reflection')
  @ZodResponse({ type: CycleDto })
  reflect(@CurrentAuth() auth: AuthContext, @Param() params: IdParams, @Body() body: ReflectionDto): Promise<Cycle> {
    return this.cycles.reflect(auth, params.id, body);
  }

  /** "Publish reflection as a lesson": a prefilled draft linked back to the cycle. */
  @Post(':id/lesson')
  @ZodResponse({ status: 201, type: LessonDto })
  lesson(@CurrentAuth() auth: AuthContext, @Param() params: IdParams, @Body() body: LessonFromCycleDto): Promise<Lesson> {
    return this.cycles.publishLesson(auth, params.id, body.language);
  }

  @Post(':id/milestones')
  @ZodResponse({ status: 201, type: MilestoneDto })
  addMilestone(@CurrentAuth() auth: AuthContext, @Param() params: IdParams, @Body() body: MilestoneInputDto): Promise<Milestone> {
    return this.cycles.addMilestone(auth, params.id, body);
  }

  @Post(':id/observations')
  @ZodResponse({ status: 201, type: ObservationDto })
  addObservation(@CurrentAuth() auth: AuthContext, @Param() params: IdParams, @Body() body: ObservationInputDto): Promise<Observation> {
    return this.cycles.addObservation(auth, params.id, body);
  }
}

@ApiTags('cycles')
@Controller()
export class CycleItemsController {
  constructor(private readonly cycles: CyclesService) {}

  /** The caller's own open milestones (`?overdue=true`: past their due date), for the home page. */
  @Get('me/milestones')
  @ZodResponse({ type: MyMilestoneListDto })
  async myMilestones(@CurrentAuth() auth: AuthContext, @Query() query: MyMilestonesQueryDto): Promise<{ items: MyMilestone[] }> {
    return { items: await this.cycles.myMilestones(auth, query.overdue === 'true') };
  }

  @Put('milestones/:id')
  @ZodResponse({ type: MilestoneDto })
  updateMilestone(@CurrentAuth() auth: AuthContext, @Param() params: IdParams, @Body() body: UpdateMilestoneDto): Promise<Milestone> {
    return this.cycles.updateMilestone(auth, params.id, body);
  }

  @Delete('milestones/:id')
  @HttpCode(204)
  removeMilestone(@CurrentAuth() auth: AuthContext, @Param() params: IdParams): Promise<void> {
    return this.cycles.removeMilestone(auth, params.id);
  }

  @Delete('observations/:id')
  @HttpCode(204)
  removeObservation(@CurrentAuth() auth: AuthContext, @Param() params: IdParams): Promise<void> {
    return this.cycles.removeObservation(auth, params.id);
  }

  /** Rename, or move under another parent / to another place among siblings. */
  @Put('drivers/:id')
  @ZodResponse({ type: DriverListDto })
  async updateDriver(@CurrentAuth() auth: AuthContext, @Param() params: IdParams, @Body() body: UpdateDriverDto): Promise<{ items: DriverNode[] }> {
    return { items: await this.cycles.updateDriver(auth, params.id, body) };
  }

  /** Removes the node and everything under it. */
  @Delete('drivers/:id')
  @ZodResponse({ type: DriverListDto })
  async removeDriver(@CurrentAuth() auth: AuthContext, @Param() params: IdParams): Promise<{ items: DriverNode[] }> {
    return { items: await this.cycles.removeDriver(auth, params.id) };
  }
}

@ApiTags('cycles')
@Controller('measures')
export class MeasuresController {
  constructor(private readonly measures: MeasuresService) {}

  /** Measures one may read, e.g. to embed a chart in a report. */
  @Get()
  @ZodResponse({ type: MeasureOptionListDto })
  async list(@CurrentAuth() auth: AuthContext): Promise<{ items: MeasureOption[] }> {
    return { items: await this.measures.readable(auth) };
  }

  @Put(':id')
  @ZodResponse({ type: MeasureDto })
  update(@CurrentAuth() auth: AuthContext, @Param() params: IdParams, @Body() body: MeasureInputDto): Promise<Measure> {
    return this.measures.update(auth, params.id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentAuth() auth: AuthContext, @Param() params: IdParams): Promise<void> {
    return this.measures.remove(auth, params.id);
  }

  /** Points, centre line, limits and signals, computed once on the server. */
  @Get(':id/chart')
  @ZodResponse({ type: MeasureChartDto })
  chart(@CurrentAuth() auth: AuthContext, @Param() params: IdParams): Promise<MeasureChart> {
    return this.measures.chart(auth, params.id);
  }

  /** The same chart drawn by ECharts on the server, as SVG (for exports and downloads), in the reader's language or `?lang=`. */
  @Get(':id/chart.svg')
  async svg(@CurrentAuth() auth: AuthContext, @Param() params: IdParams, @Query() query: LanguageQueryDto, @Res() response: Response): Promise<void> {
    const chart = await this.measures.chart(auth, params.id);
    const language = readerLanguage(auth, query.lang);
    response
      .status(200)
      .setHeader('Content-Type', 'image/svg+xml; charset=utf-8')
      .setHeader('Content-Language', language)
      .setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${chart.measure.name.replace(/[\\/:*?"<>|]+/g, '-')}.svg`)}`)
      .setHeader('X-Content-Type-Options', 'nosniff')
      .send(measureChartSvg(chart, language));
  }

  @Post(':id/points')
  @ZodResponse({ status: 201, type: MeasureChartDto })
  addPoints(@CurrentAuth() auth: AuthContext, @Param() params: IdParams, @Body() body: DataPointsDto): Promise<MeasureChart> {
    return this.measures.addPoints(auth, params.id, body.points);
  }

  /** All rows or none: any bad row answers 400 with every problem by line and column. */
  @Post(':id/import')
  @ZodResponse({ status: 201, type: CsvImportResultDto })
  importCsv(@CurrentAuth() auth: AuthContext, @Param() params: IdParams, @Body() body: CsvImportDto): Promise<{ imported: number; chart: MeasureChart }> {
    return this.measures.importCsv(auth, params.id, body.csv);
  }

  @Delete(':id/points/:date')
  @ZodResponse({ type: MeasureChartDto })
  removePoint(@CurrentAuth() auth: AuthContext, @Param() params: DataPointParams): Promise<MeasureChart> {
    return this.measures.removePoint(auth, params.id, params.date);
  }
}
