import { activityOption, burndownOption, DASHBOARD_TEXT, dashboardLabels, interpolate, REPORT_STATUS_NAMES, stageDistributionOption } from '@simashe/charts';
import { formatStamp } from '@simashe/api-core';
import { pdfBuffer, pdfLanguage, textInColumn } from '@simashe/api-reports';
import { RTL_LANGUAGES, type Dashboard, type DashboardFilters, type Language, type ReportStatus } from '@simashe/contracts';
import type { Content, TableCell } from 'pdfmake/interfaces';
import { renderSvg } from './chart-svg';

// The dashboard's charts, drawn as the browser draws them.
const svg = renderSvg;

/** The table's column widths when it reads from the right (in its columns' order): 626 pt of text. */
const RTL_WIDTHS = [100, 50, 45, 55, 125, 50, 45, 45, 55, 56];

/** A report status in words, or as stored when it is one this version does not know. */
export function reportStatusName(status: string, language: Language): string {
  return REPORT_STATUS_NAMES[language][status as ReportStatus] ?? status;
}

/**
 * The dashboard on A4 landscape in the reader's language: the same three charts as on screen (ECharts, server-side)
 * and the table. For an Arabic reader the page reads from the right (charts and columns in that order, the table's
 * cells aligned right; each line's words in the order they are seen, in the Arabic font: pdfBuffer), but the charts'
 * own labels stay English (see pdfLanguage: ECharts' SVG does not lay Arabic out well).
 */
export function dashboardPdf(dashboard: Dashboard, filters: DashboardFilters, reader: Language, timeZone = 'UTC'): Promise<Buffer> {
  const language = reader;
  const rightToLeft = RTL_LANGUAGES.includes(language);
  const inOrder = <T,>(items: T[]): T[] => (rightToLeft ? [...items].reverse() : items);
  const text = DASHBOARD_TEXT[language];
  const labels = dashboardLabels(language);
  const chartLabels = dashboardLabels(pdfLanguage(language));
  const number = new Intl.NumberFormat(language);
  const percent = new Intl.NumberFormat(language, { style: 'percent' });
  // In the reader's zone with its offset: "Figures as of 1 December 2026, 14:05 (UTC+03:00)".
  const asOf = interpolate(text.generated, { when: formatStamp(dashboard.generatedAt, language, timeZone) });
  // Region and taxonomy codes (AFRO, social, housing) are shown as codes, as the filters name them.
  const scope = [filters.region ?? text.allRegions, filters.determinant, filters.sector].filter(Boolean).join(' · ');
  const alignment = rightToLeft ? ({ alignment: 'right' } as const) : {};
  const chart = (title: string, option: Record<string, unknown>): Content => ({
    stack: [{ text: title, bold: true, margin: [0, 0, 0, 4], ...alignment }, { svg: svg(option, 360, 220), width: 240 }],
  });
  const count = (value: number | null) => (value === null ? '—' : number.format(value));
  // Read from the right, the columns get set widths (A4 landscape: 770 pt less the cells' padding), so that each cell's
  // lines can be laid out here in the order they are seen; pdfmake would wrap a right-to-left line showing its end first.
  const cells = (values: string[], bold = false): TableCell[] =>
    rightToLeft ? values.map((value, i) => textInColumn(value, RTL_WIDTHS[i], { fontSize: 9, bold, alignment: 'right' }, 'rtl')).reverse() : values.map((value) => (bold ? { text: value, bold } : value));
  return pdfBuffer({
    pageOrientation: 'landscape',
    pageMargins: [36, 36, 36, 36],
    info: { title: text.exportTitle, creator: 'SIMASHE Workspace' },
    language,
    footer: (page, pages) => ({ text: `SIMASHE Workspace · ${text.exportTitle} · ${asOf} · ${number.format(page)}/${number.format(pages)}`, fontSize: 8, alignment: 'center', color: '#666666' }),
    content: [
      { text: text.exportTitle, fontSize: 18, bold: true, ...alignment },
      { text: `${scope} · ${asOf}`, italics: true, margin: [0, 0, 0, 12], ...alignment },
      {
        columns: inOrder([
          chart(text.stageDistribution, stageDistributionOption(dashboard, chartLabels)),
          chart(text.burndown, burndownOption(dashboard, chartLabels)),
          chart(text.activity, activityOption(dashboard, chartLabels)),
        ]),
        columnGap: 12,
        margin: [0, 0, 0, 12],
      },
      {
        table: {
          headerRows: 1,
          widths: rightToLeft ? [...RTL_WIDTHS].reverse() : ['*', 'auto', 'auto', 'auto', '*', 'auto', 'auto', 'auto', 'auto', 'auto'],
          body: [
            cells([text.pathfinder, text.stage, text.daysInStage, text.overdue, text.lastReport, text.meetings90, text.attendance90, text.lessons, text.measuresImproving, text.measuresConcerning], true),
            ...dashboard.rows.map((row) => cells([
              row.organisationName,
              labels.stage(row.stage),
              count(row.daysInStage),
              count(row.overdueMilestones),
              row.lastReport ? `${row.lastReport.title} (${reportStatusName(row.lastReport.status, language)})` : '—',
              count(row.meetingsHeld90),
              row.attendanceRate90 === null ? '—' : percent.format(row.attendanceRate90),
              count(row.lessonsPublished),
              count(row.measuresImproving),
              count(row.measuresConcerning),
            ])),
          ],
        },
        layout: 'lightHorizontalLines',
        fontSize: 9,
      },
    ],
    defaultStyle: { font: 'Roboto', fontSize: 10 },
  });
}
