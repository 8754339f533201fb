import { Injectable } from '@nestjs/common';
import { inert, spreadsheetCsv, spreadsheetXlsx, type AuthContext } from '@simashe/api-core';
import { DATASET_COLUMNS, MEASURE_IDS, type DatasetExportQuery, type DatasetRow } from '@simashe/contracts';
import { MEASURES } from '@simashe/inequality';
import { DatasetsService, presentRow } from './datasets.service';
import { MeasuresService } from './measures.service';
import { MonitoringRepository } from './monitoring.repository';

/** A computed figure without floating-point noise (10.300000000000011 → 10.3): 10 significant digits. */
export function tidy(value: number | null): number | '' {
  return value === null ? '' : Number(value.toPrecision(10));
}

/** Excel's own limit on rows in a sheet. */
const XLSX_MAX_ROWS = 1_048_575;

/** The template's columns, as a row of the export (so an exported file imports again unchanged). */
function templateCells(row: DatasetRow): Array<string | number> {
  const cells: Record<(typeof DATASET_COLUMNS)[number], string | number> = {
    setting: row.setting,
    date: row.date,
    source: row.source,
    indicator_abbr: row.indicatorAbbr,
    indicator_name: row.indicatorName,
    dimension: row.dimension,
    subgroup: row.subgroup,
    estimate: row.estimate,
    se: row.se ?? '',
    ci_lb: row.ciLb ?? '',
    ci_ub: row.ciUb ?? '',
    population: row.population ?? '',
    flag: row.flag ?? '',
    setting_average: row.settingAverage ?? '',
    iso3: row.iso3 ?? '',
    favourable_indicator: row.favourable ? 1 : 0,
    indicator_scale: row.scale,
    ordered_dimension: row.ordered ? 1 : 0,
    subgroup_order: row.subgroupOrder ?? 0,
    reference_subgroup: row.reference ? 1 : 0,
  };
  return DATASET_COLUMNS.map((column) => cells[column]);
}

export interface ExportFile {
  name: string;
  contentType: string;
  data: Buffer;
}

/** Tables of a dataset's data and summary measures, as CSV or XLSX downloads. */
@Injectable()
export class DatasetExports {
  constructor(
    private readonly datasets: DatasetsService,
    private readonly repo: MonitoringRepository,
    private readonly measures: MeasuresService,
  ) {}

  async export(auth: AuthContext, id: string, query: DatasetExportQuery): Promise<ExportFile> {
    const { record, versionRecord } = await this.datasets.readVersion(auth, id, query.version);
    const base = `${record.name.replace(/[^\p{L}\p{N} _-]+/gu, '').trim().slice(0, 80) || 'dataset'} v${versionRecord.version}`;
    if (query.table === 'measures') {
      const groups = await this.measures.groups(versionRecord.id, query);
      const items = this.measures.compute(groups, new Set(MEASURE_IDS));
      const abbreviation = new Map(MEASURES.map((measure) => [measure.id, measure.abbreviation]));
      const header = ['setting', 'date', 'indicator_abbr', 'dimension', 'measure', 'value', 'ci_lb', 'ci_ub', 'ci_method', 'not_applicable_because'];
      const cells = items.map((item) => [item.setting, item.date, item.indicatorAbbr, item.dimension, abbreviation.get(item.measure) ?? item.measure, tidy(item.value), tidy(item.lower), tidy(item.upper), item.ciMethod ?? '', item.reason ?? '']);
      const name = `${base} measures`;
      if (query.format === 'csv') return { name: `${name}.csv`, contentType: 'text/csv; charset=utf-8', data: spreadsheetCsv(header, cells) };
      return { name: `${name}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', data: await spreadsheetXlsx('Measures', header.map((name) => ({ header: name })), cells.map((row) => row.map(inert))) };
    }
    const rows = (await this.repo.rows(versionRecord.id, query, XLSX_MAX_ROWS)).map(presentRow);
    const header = [...DATASET_COLUMNS];
    const cells = rows.map(templateCells);
    if (query.format === 'csv') return { name: `${base}.csv`, contentType: 'text/csv; charset=utf-8', data: spreadsheetCsv(header, cells) };
    return { name: `${base}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', data: await spreadsheetXlsx('Data', header.map((name) => ({ header: name })), cells.map((row) => row.map(inert))) };
  }
}
