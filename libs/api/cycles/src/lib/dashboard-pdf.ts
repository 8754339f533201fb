import { activityOption, burndownOption, DASHBOARD_TEXT, dashboardLabels, interpolate, REPORT_STATUS_NAMES, stageDistributionOption, type DashboardText } from '@simashe/charts';
import { formatStamp } from '@simashe/api-core';
import { chartSvg, pdfBuffer, textInColumn } from '@simashe/api-reports';
import { RTL_LANGUAGES, type Dashboard, type DashboardFilters, type DashboardRow, type Language, type ReportStatus } from '@simashe/contracts';
import type { Column, Content, TableCell } from 'pdfmake/interfaces';
import { renderSvg } from './chart-svg';

// The dashboard's charts, drawn as the browser draws them.
const svg = renderSvg;

/** A4 landscape less the 36 pt margins. */
const PAGE_WIDTH = 842 - 72;

/** What a table cell shows of a row, given the reader's formats. */
type CellOf = (row: DashboardRow, formats: { count: (value: number | null) => string; percent: (value: number) => string; stage: (stage: DashboardRow['stage']) => string; status: (status: string) => string }) => string;

/**
 * The table's columns, first to last as a left-to-right reader sees them. `width`: pdfmake's for a left-to-right page;
 * `fromRight`: the set width when the page reads from the right (626 pt of text in all: the page less the cells'
 * padding), so that each cell's lines can be laid out in the order they are seen.
 */
const COLUMNS: Array<{ heading: keyof DashboardText; width: '*' | 'auto'; fromRight: number; cell: CellOf }> = [
  { heading: 'pathfinder', width: '*', fromRight: 100, cell: (row) => row.organisationName },
  { heading: 'stage', width: 'auto', fromRight: 50, cell: (row, f) => f.stage(row.stage) },
  { heading: 'daysInStage', width: 'auto', fromRight: 45, cell: (row, f) => f.count(row.daysInStage) },
  { heading: 'overdue', width: 'auto', fromRight: 55, cell: (row, f) => f.count(row.overdueMilestones) },
  { heading: 'lastReport', width: '*', fromRight: 125, cell: (row, f) => (row.lastReport ? `${row.lastReport.title} (${f.status(row.lastReport.status)})` : '—') },
  { heading: 'meetings90', width: 'auto', fromRight: 50, cell: (row, f) => f.count(row.meetingsHeld90) },
  { heading: 'attendance90', width: 'auto', fromRight: 45, cell: (row, f) => (row.attendanceRate90 === null ? '—' : f.percent(row.attendanceRate90)) },
  { heading: 'lessons', width: 'auto', fromRight: 45, cell: (row, f) => f.count(row.lessonsPublished) },
  { heading: 'measuresImproving', width: 'auto', fromRight: 55, cell: (row, f) => f.count(row.measuresImproving) },
  { heading: 'measuresConcerning', width: 'auto', fromRight: 56, cell: (row, f) => f.count(row.measuresConcerning) },
];

/** A report status in words, or as stored when it is one this version does not know. */
export function reportStatusName(status: string, language: Language): string {
  return REPORT_STATUS_NAMES[language][status as ReportStatus] ?? status;
}

/**
 * The dashboard on A4 landscape in the reader's language: the same three charts as on screen (ECharts, server-side)
 * and the table. For an Arabic reader the page reads from the right: its own lines (title, scope, footer) laid out
 * right to left whatever word comes first ("SIMASHE Workspace", a region code), the charts and the table's columns
 * from the right, cells aligned right, each line's words in the order they are seen (textInColumn); the charts'
 * labels in Arabic too, their words put in the order they are seen for the SVG renderer (chartSvg).
 */
export function dashboardPdf(dashboard: Dashboard, filters: DashboardFilters, reader: Language, timeZone = 'UTC'): Promise<Buffer> {
  const language = reader;
  const rightToLeft = RTL_LANGUAGES.includes(language);
  const text = DASHBOARD_TEXT[language];
  const labels = dashboardLabels(language);
  const number = new Intl.NumberFormat(language);
  const percent = new Intl.NumberFormat(language, { style: 'percent' });
  const formats = {
    count: (value: number | null) => (value === null ? '—' : number.format(value)),
    percent: (value: number) => percent.format(value),
    stage: labels.stage,
    status: (status: string) => reportStatusName(status, language),
  };
  // In the reader's zone with its offset: "Figures as of 1 December 2026, 14:05 (UTC+03:00)".
  const asOf = interpolate(text.generated, { when: formatStamp(dashboard.generatedAt, language, timeZone) });
  // Region and taxonomy codes (AFRO, social, housing) are shown as codes, as the filters name them.
  const scope = [filters.region ?? text.allRegions, filters.determinant, filters.sector].filter(Boolean).join(' · ');
  /** One of the page's own lines: laid out from the right on a right-to-left page; else as pdfmake lays it out. */
  const ownLine = (line: string, width: number, props: { fontSize: number; bold?: boolean; italics?: boolean; alignment?: 'center'; margin?: [number, number, number, number] }): Content =>
    rightToLeft ? textInColumn(line, width, { alignment: 'right', ...props }, 'rtl') : { text: line, ...props };
  const alignment = rightToLeft ? ({ alignment: 'right' } as const) : {};
  const chart = (title: string, option: Record<string, unknown>): Content => ({
    stack: [{ text: title, bold: true, margin: [0, 0, 0, 4], ...alignment }, chartSvg(svg(option, 360, 220), 240, rightToLeft ? 'rtl' : 'ltr')],
  });
  const charts = [
    chart(text.stageDistribution, stageDistributionOption(dashboard, labels)),
    chart(text.burndown, burndownOption(dashboard, labels)),
    chart(text.activity, activityOption(dashboard, labels)),
  ];
  const columns = rightToLeft ? [...COLUMNS].reverse() : COLUMNS;
  const cell = (value: string, column: (typeof COLUMNS)[number], bold = false): TableCell =>
    rightToLeft ? textInColumn(value, column.fromRight, { fontSize: 9, bold, alignment: 'right' }, 'rtl') : bold ? { text: value, bold } : value;
  // Laid out here, not while pages are drawn; the page number in a column of its own, at the line's end.
  const footer = ownLine(`SIMASHE Workspace · ${text.exportTitle} · ${asOf}`, PAGE_WIDTH - 40, { fontSize: 8, alignment: 'center' });
  return pdfBuffer({
    pageOrientation: 'landscape',
    pageMargins: [36, 36, 36, 36],
    info: { title: text.exportTitle, creator: 'SIMASHE Workspace' },
    language,
    footer: (page, pages) => {
      const pageNumber: Column = { text: `${number.format(page)}/${number.format(pages)}`, width: 40, fontSize: 8, color: '#666666', alignment: rightToLeft ? 'left' : 'right' };
      const line = { ...(structuredClone(footer) as object), width: '*', color: '#666666' } as Column;
      return { columns: rightToLeft ? [pageNumber, line] : [line, pageNumber], margin: [36, 0, 36, 0] };
    },
    content: [
      ownLine(text.exportTitle, PAGE_WIDTH, { fontSize: 18, bold: true }),
      ownLine(`${scope} · ${asOf}`, PAGE_WIDTH, { fontSize: 10, italics: true, margin: [0, 0, 0, 12] }),
      { columns: rightToLeft ? [...charts].reverse() : charts, columnGap: 12, margin: [0, 0, 0, 12] },
      {
        table: {
          headerRows: 1,
          widths: columns.map((column) => (rightToLeft ? column.fromRight : column.width)),
          body: [columns.map((column) => cell(text[column.heading], column, true)), ...dashboard.rows.map((row) => columns.map((column) => cell(column.cell(row, formats), column)))],
        },
        layout: 'lightHorizontalLines',
        fontSize: 9,
      },
    ],
    defaultStyle: { font: 'Roboto', fontSize: 10 },
  });
}
