import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ConflictError, NotFoundError, ValidationError, type AuthContext } from '@simashe/api-core';
import {
  DataPointInputSchema,
  type DataPoint,
  type DataPointInput,
  type ErrorDetail,
  type Measure,
  type MeasureChart,
  type MeasureInput,
} from '@simashe/contracts';
import { computeChart } from '@simashe/spc';
import { parse } from 'csv-parse/sync';
import type { DataSource, EntityManager } from 'typeorm';
import { ChartEmbedRegistry } from '@simashe/api-reports';
import { AccessPolicy, OrganisationsService } from '@simashe/api-organisations';
import { measureChartSize, measureChartSvg } from './chart-svg';
import { CyclesRepository, type MeasureRow, type PointRow } from './cycles.repository';
import { presentMeasure } from './cycles.presenter';
import { CyclesService } from './cycles.service';

/** Signals touching this many latest points count as "showing" on dashboards. */
const RECENT_POINTS = 6;

/** Outcome, process and balancing measures, their data and their charts (computed by @simashe/spc). */
@Injectable()
export class MeasuresService implements OnModuleInit {
  constructor(
    private readonly repo: CyclesRepository,
    private readonly cycles: CyclesService,
    private readonly policy: AccessPolicy,
    private readonly embeds: ChartEmbedRegistry,
    private readonly organisations: OrganisationsService,
  ) {}

  /** Reports embed measure charts; their exports draw them through here, as the exporting reader may see them, in their language. */
  onModuleInit(): void {
    this.embeds.register('measure', async (auth, id, language) => {
      const chart = await this.chart(auth, id);
      return { title: chart.measure.name, svg: measureChartSvg(chart, language), ...measureChartSize(chart) };
    });
  }

  /** Every measure the caller may read, with its initiative: what a report can embed. */
  async readable(auth: AuthContext): Promise<Array<{ id: string; name: string; chartType: Measure['chartType']; initiativeId: string; initiativeTitle: string; organisationName: string }>> {
    const scope = await this.policy.scope(auth);
    // Sorted by organisation name, which is api-organisations': the owners first, then their names (one batch each).
    const owners = await this.repo.readableMeasureOwners(scope);
    if (owners.length === 0) return [];
    const rows = await this.repo.readableMeasures(scope, await this.organisations.names(owners));
    return rows.map((row) => ({ id: row.id, name: row.name, chartType: row.chart_type, initiativeId: row.initiative_id, initiativeTitle: row.initiative_title, organisationName: row.organisation_name }));
  }

  async create(auth: AuthContext, initiativeId: string, input: MeasureInput): Promise<Measure> {
    await this.cycles.requireInitiative(auth, initiativeId, 'initiative:write');
    const id = await this.repo.transaction(async (manager) => {
      const [row] = await manager.query(
        `INSERT INTO measures (initiative_id, name, kind, definition, unit, direction, target, frequency, chart_type, baseline_length, change_points)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [initiativeId, ...this.values(input)],
      );
      await this.repo.touch(manager, initiativeId);
      return row.id as string;
    });
    return presentMeasure(await this.row(id));
  }

  async update(auth: AuthContext, id: string, input: MeasureInput): Promise<Measure> {
    const existing = await this.writable(auth, id);
    if (input.chartType === 'p' && existing.chart_type !== 'p') {
      const points = await this.repo.points(id);
      if (points.some((point) => point.denominator === null)) {
        throw new ConflictError('This measure has values without a numerator and denominator; a p-chart needs both for every point');
      }
    }
    await this.repo.transaction(async (manager) => {
      await manager.query(
        `UPDATE measures SET name = $2, kind = $3, definition = $4, unit = $5, direction = $6, target = $7, frequency = $8, chart_type = $9,
                             baseline_length = $10, change_points = $11 WHERE id = $1`,
        [id, ...this.values(input)],
      );
      await this.refreshSignal(manager, id);
      await this.repo.touch(manager, existing.initiative_id);
    });
    return presentMeasure(await this.row(id));
  }

  async remove(auth: AuthContext, id: string): Promise<void> {
    const existing = await this.writable(auth, id);
    await this.repo.transaction(async (manager) => {
      await manager.query('DELETE FROM measures WHERE id = $1', [id]);
      await this.repo.touch(manager, existing.initiative_id);
    });
  }

  async chart(auth: AuthContext, id: string): Promise<MeasureChart> {
    const measure = await this.row(id);
    await this.cycles.requireInitiative(auth, measure.initiative_id, 'initiative:read', 'The measure');
    const [points, bands] = await Promise.all([this.repo.points(id), this.repo.actBands(measure.initiative_id)]);
    return {
      measure: presentMeasure(measure),
      points: points.map(presentPoint),
      chart: chartOf(measure, points),
      bands: bands
        .filter((band) => band.act_start)
        .map((band) => ({
          cycleId: band.id,
          number: band.number,
          title: band.title,
          start: (band.act_start as Date).toISOString().slice(0, 10),
          end: band.act_end && band.act_end >= (band.act_start as Date) ? band.act_end.toISOString().slice(0, 10) : null,
        })),
    };
  }

  /** Adds points; all or none. Dates already recorded are refused (delete the old point first). */
  async addPoints(auth: AuthContext, id: string, points: DataPointInput[]): Promise<MeasureChart> {
    const measure = await this.writable(auth, id);
    const existing = new Set((await this.repo.points(id)).map((point) => point.date));
    const problems: ErrorDetail[] = [];
    const seen = new Set<string>();
    points.forEach((point, index) => {
      for (const problem of pointProblems(measure, point, existing, seen)) problems.push({ path: `points.${index}.${problem.field}`, message: problem.message });
    });
    if (problems.length) throw new ValidationError(problems[0].message, problems);
    await this.store(auth, measure, points);
    return this.chart(auth, id);
  }

  /**
   * CSV with a header row: `date,value` (run and XmR charts) or `date,numerator,denominator` (p-charts). Every row is
   * checked; when any is wrong, nothing is saved and each problem is reported with its line and column.
   */
  async importCsv(auth: AuthContext, id: string, csv: string): Promise<{ imported: number; chart: MeasureChart }> {
    const measure = await this.writable(auth, id);
    let records: string[][];
    try {
      records = parse(csv.replace(/^\uFEFF/, ''), { skip_empty_lines: true, trim: true, relax_column_count: true });
    } catch (error) {
      throw new ValidationError('The file could not be read as CSV', [{ path: 'csv', message: (error as Error).message.slice(0, 300) }]);
    }
    const [header, ...rows] = records;
    const columns = (header ?? []).map((name) => name.toLowerCase());
    const wanted = measure.chart_type === 'p' ? ['date', 'numerator', 'denominator'] : ['date', 'value'];
    const missing = wanted.filter((name) => !columns.includes(name));
    if (missing.length) {
      throw new ValidationError(`The first line must name the columns: ${wanted.join(', ')}`, missing.map((name) => ({ path: 'csv', message: `Missing column "${name}" in the first line` })));
    }
    if (rows.length === 0) throw new ValidationError('The CSV file has no data rows', [{ path: 'csv', message: 'Add at least one row under the header' }]);
    if (rows.length > 1000) throw new ValidationError('At most 1000 rows at once', [{ path: 'csv', message: `The file has ${rows.length} rows` }]);
    const existing = new Set((await this.repo.points(id)).map((point) => point.date));
    const seen = new Set<string>();
    const errors: Array<{ row: number; field: string; message: string }> = [];
    const parsed: DataPointInput[] = [];
    rows.forEach((cells, index) => {
      const line = index + 2;
      const cell = (name: string) => cells[columns.indexOf(name)] ?? '';
      const number = (name: string) => {
        const raw = cell(name);
        return raw === '' || !/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(raw) ? (raw === '' ? null : Number.NaN) : Number(raw);
      };
      const candidate = measure.chart_type === 'p'
        ? { date: cell('date'), numerator: number('numerator'), denominator: number('denominator') }
        : { date: cell('date'), value: number('value') };
      for (const [name, value] of Object.entries(candidate)) {
        if (Number.isNaN(value)) errors.push({ row: line, field: name, message: `"${cell(name).slice(0, 40)}" is not a number` });
      }
      if (errors.some((error) => error.row === line)) return;
      const result = DataPointInputSchema.safeParse(candidate);
      if (!result.success) {
        for (const issue of result.error.issues) errors.push({ row: line, field: String(issue.path[0] ?? 'row'), message: issue.message });
        return;
      }
      const problems = pointProblems(measure, result.data, existing, seen);
      for (const problem of problems) errors.push({ row: line, ...problem });
      if (problems.length === 0) parsed.push(result.data);
    });
    if (errors.length) {
      throw new ValidationError(
        `${errors.length} problem${errors.length === 1 ? '' : 's'} in the file; nothing was saved`,
        errors.slice(0, 200).map((error) => ({ path: `csv.line ${error.row}.${error.field}`, message: error.message })),
      );
    }
    await this.store(auth, measure, parsed);
    return { imported: parsed.length, chart: await this.chart(auth, id) };
  }

  async removePoint(auth: AuthContext, id: string, date: string): Promise<MeasureChart> {
    const measure = await this.writable(auth, id);
    await this.repo.transaction(async (manager) => {
      const deleted = await manager.query('DELETE FROM measure_points WHERE measure_id = $1 AND date = $2 RETURNING date', [id, date]);
      if (deleted[0].length === 0) throw new NotFoundError('The data point');
      await this.refreshSignal(manager, id);
      await this.repo.touch(manager, measure.initiative_id);
    });
    return this.chart(auth, id);
  }

  private async store(auth: AuthContext, measure: MeasureRow, points: DataPointInput[]): Promise<void> {
    await this.repo.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO measure_points (measure_id, date, value, numerator, denominator)
         SELECT $1, p.date, p.value, p.numerator, p.denominator
         FROM jsonb_to_recordset($2::jsonb) AS p(date date, value double precision, numerator bigint, denominator bigint)`,
        [measure.id, JSON.stringify(points.map((point) => ({ ...point, value: valueOf(point) })))],
      );
      await this.refreshSignal(manager, measure.id);
      await this.repo.activity(manager, measure.initiative_id, 'data_added', auth.userId, `${measure.name}: ${points.length}`);
      await this.repo.touch(manager, measure.initiative_id);
    });
  }

  /** Keeps `latest_signal` current so dashboards never recompute charts. */
  private async refreshSignal(manager: EntityManager | DataSource, id: string): Promise<void> {
    // Inside the caller's transaction: a settings change is read as it now stands.
    const [measure] = await this.repo.measures(null, id, manager);
    const points = await this.repo.points(id, manager);
    await manager.query('UPDATE measures SET latest_signal = $2 WHERE id = $1', [id, latestSignal(chartOf(measure, points), points.length)]);
  }

  private async writable(auth: AuthContext, id: string): Promise<MeasureRow> {
    const measure = await this.row(id);
    await this.cycles.requireInitiative(auth, measure.initiative_id, 'initiative:write', 'The measure');
    return measure;
  }

  private async row(id: string): Promise<MeasureRow> {
    const [row] = await this.repo.measures(null, id);
    if (!row) throw new NotFoundError('The measure');
    return row;
  }

  private values(input: MeasureInput): unknown[] {
    return [input.name, input.kind, input.definition, input.unit, input.direction, input.target, input.frequency, input.chartType, input.baselineLength, [...new Set(input.changePoints)].sort()];
  }
}

function valueOf(point: DataPointInput): number {
  return point.numerator !== null && point.denominator !== null ? point.numerator / point.denominator : (point.value as number);
}

function pointProblems(measure: MeasureRow, point: DataPointInput, existing: Set<string>, seen: Set<string>): Array<{ field: string; message: string }> {
  const problems: Array<{ field: string; message: string }> = [];
  if (measure.chart_type === 'p' && (point.numerator === null || point.denominator === null)) {
    problems.push({ field: 'numerator', message: 'This measure is a proportion (p-chart): give a numerator and a denominator' });
  }
  if (existing.has(point.date)) problems.push({ field: 'date', message: `There is already a data point on ${point.date}` });
  else if (seen.has(point.date)) problems.push({ field: 'date', message: `${point.date} appears twice` });
  seen.add(point.date);
  return problems;
}

function presentPoint(row: PointRow): DataPoint {
  return { date: row.date, value: row.value, numerator: row.numerator === null ? null : Number(row.numerator), denominator: row.denominator === null ? null : Number(row.denominator) };
}

export function chartOf(measure: Pick<MeasureRow, 'chart_type' | 'direction' | 'baseline_length' | 'change_points'>, points: PointRow[]) {
  const series = points.map(presentPoint);
  const changePoints = measure.change_points
    .map((date) => series.findIndex((point) => point.date >= date))
    .filter((index) => index > 0);
  return computeChart(measure.chart_type, series, { direction: measure.direction, baselineLength: measure.baseline_length, changePoints });
}

export function latestSignal(chart: ReturnType<typeof chartOf>, count: number): MeasureRow['latest_signal'] {
  const recent = chart.signals.filter((signal) => signal.indexes.some((index) => index >= count - RECENT_POINTS));
  const improving = recent.some((signal) => signal.assessment === 'improvement');
  const concerning = recent.some((signal) => signal.assessment === 'concern');
  return improving && concerning ? 'both' : improving ? 'improvement' : concerning ? 'concern' : 'none';
}
