import { activityOption, burndownOption, ENGLISH_DASHBOARD_LABELS, stageDistributionOption } from '@simashe/charts';
import { pdfBuffer } from '@simashe/api-reports';
import type { Dashboard } from '@simashe/contracts';
import * as echarts from 'echarts';
import type { Content } from 'pdfmake/interfaces';

function svg(option: Record<string, unknown>, width: number, height: number): string {
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    instance.setOption(option);
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}

/** The dashboard on A4 landscape: the same three charts as on screen (ECharts, server-side) and the table. */
export function dashboardPdf(dashboard: Dashboard, scope: string): Promise<Buffer> {
  const labels = ENGLISH_DASHBOARD_LABELS;
  const chart = (title: string, option: Record<string, unknown>): Content => ({
    stack: [{ text: title, bold: true, margin: [0, 0, 0, 4] }, { svg: svg(option, 360, 220), width: 240 }],
  });
  const percent = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)} %`);
  return pdfBuffer({
    pageOrientation: 'landscape',
    pageMargins: [36, 36, 36, 36],
    info: { title: 'Action-learning cycles dashboard', creator: 'SIMASHE Workspace' },
    footer: (page, pages) => ({ text: `SIMASHE Workspace · cycles dashboard · ${dashboard.generatedAt.slice(0, 16).replace('T', ' ')} UTC · ${page}/${pages}`, fontSize: 8, alignment: 'center', color: '#666666' }),
    content: [
      { text: 'Action-learning cycles dashboard', fontSize: 18, bold: true },
      { text: `${scope} · figures as of ${dashboard.generatedAt.slice(0, 16).replace('T', ' ')} UTC`, italics: true, margin: [0, 0, 0, 12] },
      {
        columns: [
          chart('Current stages', stageDistributionOption(dashboard, labels)),
          chart('Milestone burn-down', burndownOption(dashboard, labels)),
          chart('Activity per week', activityOption(dashboard, labels)),
        ],
        columnGap: 12,
        margin: [0, 0, 0, 12],
      },
      {
        table: {
          headerRows: 1,
          widths: ['*', 'auto', 'auto', 'auto', '*', 'auto', 'auto', 'auto', 'auto', 'auto'],
          body: [
            ['Pathfinder', 'Stage', 'Days in stage', 'Overdue', 'Last report', 'Meetings (90 d)', 'Attendance', 'Lessons', 'Improving', 'Concern'].map((text) => ({ text, bold: true })),
            ...dashboard.rows.map((row) => [
              row.organisationName,
              labels.stage(row.stage),
              String(row.daysInStage ?? '—'),
              String(row.overdueMilestones),
              row.lastReport ? `${row.lastReport.title} (${row.lastReport.status.replace('_', ' ')})` : '—',
              String(row.meetingsHeld90),
              percent(row.attendanceRate90),
              String(row.lessonsPublished),
              String(row.measuresImproving),
              String(row.measuresConcerning),
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
