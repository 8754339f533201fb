import { Injectable, type OnModuleInit } from '@nestjs/common';
import { NotFoundError, ValidationError, type AuthContext } from '@simashe/api-core';
import { ChartEmbedRegistry } from '@simashe/api-reports';
import { disaggregatedDotOption, measureTrendOption, monitoringChartLabels, MEASURE_NAMES } from '@simashe/charts';
import { MEASURE_IDS, RTL_LANGUAGES, type Language, type MeasureId, type MonitoringChart, type MonitoringChartRequest, type MonitoringChartView } from '@simashe/contracts';
import { renderSvg } from '@simashe/api-reports';
import { DatasetsService, presentRow } from './datasets.service';
import { groupRows, MeasuresService, refuseWrongDimension, STRUCTURAL_REASONS } from './measures.service';
import { MonitoringRepository, type ChartRecord, type DatasetRecord } from './monitoring.repository';

const WIDTH = 800;

/**
 * Charts and measure tables of a dataset saved for reports to embed (`chartEmbed` nodes of source "monitoring"):
 * drawn from the dataset's current version, or the version the author pinned, as the reader may see them.
 */
@Injectable()
export class MonitoringChartsService implements OnModuleInit {
  constructor(
    private readonly datasets: DatasetsService,
    private readonly measures: MeasuresService,
    private readonly repo: MonitoringRepository,
    private readonly embeds: ChartEmbedRegistry,
  ) {}

  /** Report exports draw embedded monitoring charts through here, for the exporting reader, in their language. */
  onModuleInit(): void {
    this.embeds.register('monitoring', async (auth, id, language) => {
      const view = await this.view(auth, id);
      return { title: view.title, svg: chartSvg(view, language), width: WIDTH, height: chartHeight(view) };
    });
  }

  async create(auth: AuthContext, datasetId: string, request: MonitoringChartRequest): Promise<MonitoringChart> {
    const { record, versionRecord } = await this.datasets.readVersion(auth, datasetId, request.pinnedVersion ?? undefined);
    if (request.kind === 'trend' && !request.measure) throw new ValidationError('Choose the measure whose trend the chart shows', [{ path: 'measure', message: 'Choose a measure' }]);
    const rows = await this.repo.rows(versionRecord.id, { indicator: request.indicator, dimension: request.dimension, setting: request.setting, date: request.date ?? undefined }, 1);
    if (rows.length === 0) throw new ValidationError('This version of the dataset has no data for that indicator, dimension, setting and year');
    // A trend of a measure that cannot apply to the dimension would draw empty axes, read as "no inequality".
    if (request.kind === 'trend' && request.measure) {
      refuseWrongDimension(request.measure, await this.measures.groups(versionRecord.id, { indicator: request.indicator, dimension: request.dimension, setting: request.setting }));
    }
    const id = await this.repo.createChart({
      dataset_id: datasetId,
      pinned_version: request.pinnedVersion,
      kind: request.kind,
      indicator_abbr: request.indicator,
      dimension: request.dimension,
      setting: request.setting,
      date: request.date,
      measure: request.kind === 'trend' ? request.measure : null,
      userId: auth.userId,
    });
    const chart = await this.repo.chart(id);
    return present(chart as ChartRecord, record, versionRecord.version, rows[0].indicator_name);
  }

  /** The chart with what it draws: one year's subgroups, or a measure's years, or one year's measures. */
  async view(auth: AuthContext, id: string): Promise<MonitoringChartView> {
    const chart = await this.repo.chart(id);
    if (!chart) throw new NotFoundError('The chart');
    const { record, versionRecord } = await this.datasets.readVersion(auth, chart.dataset_id, chart.pinned_version ?? undefined);
    const filters = { indicator: chart.indicator_abbr, dimension: chart.dimension, setting: chart.setting };
    const rows = await this.repo.rows(versionRecord.id, filters, 5000);
    if (rows.length === 0) throw new NotFoundError('The chart', 'The chart’s data are no longer in the dataset');
    const latest = Math.max(...rows.map((row) => row.date));
    const year = chart.date ?? latest;
    const base = present(chart, record, versionRecord.version, rows[0].indicator_name);
    if (chart.kind === 'disaggregated') return { ...base, date: year, rows: rows.filter((row) => row.date === year).map(presentRow), measures: [] };
    // One setting's years of one indicator × dimension: the rows just read are all the groups the measures need.
    const groups = groupRows(rows);
    if (chart.kind === 'trend') return { ...base, rows: [], measures: this.measures.compute(groups, new Set([chart.measure as MeasureId])) };
    // Measures that can never apply to this kind of dimension (SII on sex) are left out of the table, not listed empty.
    const measures = this.measures.compute(groups.filter((group) => group.date === year), new Set(MEASURE_IDS)).filter((m) => !(m.value === null && m.reasonCode && STRUCTURAL_REASONS.has(m.reasonCode)));
    return { ...base, date: year, rows: [], measures };
  }

  async svg(auth: AuthContext, id: string, language: Language): Promise<string> {
    return chartSvg(await this.view(auth, id), language);
  }
}

function present(chart: ChartRecord, dataset: DatasetRecord, version: number, indicatorName: string): MonitoringChart {
  const what = chart.kind === 'trend' ? ` · ${chart.measure?.toUpperCase()}` : '';
  return {
    id: chart.id,
    datasetId: dataset.id,
    datasetName: dataset.name,
    kind: chart.kind,
    indicator: chart.indicator_abbr,
    dimension: chart.dimension,
    setting: chart.setting,
    date: chart.date,
    measure: chart.measure as MeasureId | null,
    pinnedVersion: chart.pinned_version,
    version,
    title: `${indicatorName} · ${chart.dimension} · ${chart.setting}${chart.date ? ` · ${chart.date}` : ''}${what}`.slice(0, 200),
  };
}

function chartHeight(view: MonitoringChartView): number {
  return view.kind === 'measures' ? 40 + 22 * (view.measures.length + 1) : 400;
}

/** The chart as the screen draws it (same ECharts options), or the measures as a table, in SVG. */
export function chartSvg(view: MonitoringChartView, language: Language): string {
  const labels = monitoringChartLabels(language);
  const rtl = RTL_LANGUAGES.includes(language);
  const title = { text: view.title, left: 'center', bottom: 0, textStyle: { fontSize: 12 } };
  if (view.kind === 'disaggregated') return renderSvg({ ...disaggregatedDotOption(view.rows, labels, { rtl }), title }, WIDTH, chartHeight(view));
  if (view.kind === 'trend') return renderSvg({ ...measureTrendOption(view.measures, view.measure as MeasureId, labels, { rtl }), title }, WIDTH, chartHeight(view));
  return measuresTableSvg(view, language);
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** One year's measures as a plain SVG table: measure, value, 95 % interval (or why there is none). */
function measuresTableSvg(view: MonitoringChartView, language: Language): string {
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
  const names = MEASURE_NAMES[language];
  const height = chartHeight(view);
  const rtl = RTL_LANGUAGES.includes(language);
  const x = (left: number) => (rtl ? WIDTH - left : left);
  const anchor = rtl ? 'end' : 'start';
  const lines = view.measures.map((measure, index) => {
    const y = 44 + 22 * index;
    const value = measure.value === null ? '–' : number.format(measure.value);
    const interval = measure.lower !== null && measure.upper !== null ? `[${number.format(measure.lower)}, ${number.format(measure.upper)}]` : '';
    return `<text x="${x(12)}" y="${y}" text-anchor="${anchor}">${escapeXml(names[measure.measure])} (${measure.measure.toUpperCase()})</text><text x="${x(440)}" y="${y}" text-anchor="${anchor}">${escapeXml(value)}</text><text x="${x(560)}" y="${y}" text-anchor="${anchor}">${escapeXml(interval)}</text>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif" font-size="13" direction="${rtl ? 'rtl' : 'ltr'}"><rect width="100%" height="100%" fill="#fff"/><text x="${WIDTH / 2}" y="18" text-anchor="middle" font-weight="bold">${escapeXml(view.title)}</text>${lines.join('')}</svg>`;
}
