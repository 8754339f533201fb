import type { Dashboard } from '@simashe/contracts';
import { dashboardPdf } from './dashboard-pdf';

// The document definition is what is checked here; drawing the PDF and its charts is covered by chart-embed.spec.
jest.mock('@simashe/api-reports', () => ({ chartSvg: (svg: string, width: number) => ({ svg, width }), pdfBuffer: async (definition: unknown) => definition }));
jest.mock('./chart-svg', () => ({ renderSvg: () => '<svg xmlns="http://www.w3.org/2000/svg"/>' }));

const dashboard: Dashboard = { generatedAt: '2026-12-01T11:05:00.000Z', rows: [], stageDistribution: [], burndown: [], activity: [] };

describe('dashboard PDF stamp', () => {
  it('says when the figures were taken in the reader’s zone, with its offset', async () => {
    const definition = JSON.stringify(await dashboardPdf(dashboard, {}, 'en', 'Europe/Moscow'));
    expect(definition).toContain('Figures as of 1 December 2026, 14:05 (UTC+03:00)');
    expect(definition).not.toContain(' UTC"');
  });

  it('stays in UTC, saying so, when no zone is known', async () => {
    expect(JSON.stringify(await dashboardPdf(dashboard, {}, 'en'))).toContain('1 December 2026, 11:05 (UTC+00:00)');
  });
});
