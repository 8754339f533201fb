import { activityOption, burndownOption, DASHBOARD_TEXT, dashboardLabels, interpolate, REPORT_STATUS_NAMES, stageDistributionOption } from '@simashe/charts';
import { formatStamp } from '@simashe/api-core';
import { pdfBuffer, pdfLanguage } from '@simashe/api-reports';
import type { Dashboard, DashboardFilters, Language, ReportStatus } from '@simashe/contracts';
import type { Content } from 'pdfmake/interfaces';
import { renderSvg } from './chart-svg';

// The dashboard's charts, drawn as the browser draws them.
const svg = renderSvg;

/** A report status in words, or as stored when it is one this version does not know. */
export function reportStatusName(status: string, language: Language): string {
  return REPORT_STATUS_NAMES[language][status as ReportStatus] ?? status;
}

/**
 * The dashboard on A4 landscape, in the reader's language as far as the bundled fonts allow (see pdfLanguage: an
 * Arabic reader gets English): the same three charts as on screen (ECharts, server-side) and the table.
 */
export function dashboardPdf(dashboard: Dashboard, filters: DashboardFilters, reader: Language, timeZone = 'UTC'): Promise<Buffer> {
  const language = pdfLanguage(reader);
  const text = DASHBOARD_TEXT[language];
  const labels = dashboardLabels(language);
  const number = new Intl.NumberFormat(language);
  const percent = new Intl.NumberFormat(language, { style: 'percent' });
  // In the reader's zone with its offset: "Figures as of 1 December 2026, 14:05 (UTC+03:00)".
  const asOf = interpolate(text.generated, { when: formatStamp(dashboard.generatedAt, language, timeZone) });
  // Region and taxonomy codes (AFRO, social, housing) are shown as codes, as the filters name them.
  const scope = [filters.region ?? text.allRegions, filters.determinant, filters.sector].filter(Boolean).join(' · ');
  const chart = (title: string, option: Record<string, unknown>): Content => ({
    stack: [{ text: title, bold: true, margin: [0, 0, 0, 4] }, { svg: svg(option, 360, 220), width: 240 }],
  });
  const count = (value: number | null) => (value === null ? '—' : number.format(value));
  return pdfBuffer({
    pageOrientation: 'landscape',
    pageMargins: [36, 36, 36, 36],
    info: { title: text.exportTitle, creator: 'SIMASHE Workspace' },
    language,
    footer: (page, pages) => ({ text: `SIMASHE Workspace · ${text.exportTitle} · ${asOf} · ${number.format(page)}/${number.format(pages)}`, fontSize: 8, alignment: 'center', color: '#666666' }),
    content: [
      { text: text.exportTitle, fontSize: 18, bold: true },
      { text: `${scope} · ${asOf}`, italics: true, margin: [0, 0, 0, 12] },
      {
        columns: [
          chart(text.stageDistribution, stageDistributionOption(dashboard, labels)),
          chart(text.burndown, burndownOption(dashboard, labels)),
          chart(text.activity, activityOption(dashboard, labels)),
        ],
        columnGap: 12,
        margin: [0, 0, 0, 12],
      },
      {
        table: {
          headerRows: 1,
          widths: ['*', 'auto', 'auto', 'auto', '*', 'auto', 'auto', 'auto', 'auto', 'auto'],
          body: [
            [text.pathfinder, text.stage, text.daysInStage, text.overdue, text.lastReport, text.meetings90, text.attendance90, text.lessons, text.measuresImproving, text.measuresConcerning].map(
              (header) => ({ text: header, bold: true }),
            ),
            ...dashboard.rows.map((row) => [
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
            ]),
          ],
        },
        layout: 'lightHorizontalLines',
        fontSize: 9,
      },
    ],
    defaultStyle: { font: 'Roboto', fontSize: 10 },
  });
}
