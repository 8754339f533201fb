import { lineFromRight, pdfFragments } from '@simashe/api-testing';
import type { Dashboard } from '@simashe/contracts';
import { dashboardPdf } from './dashboard-pdf';

// Drawn for real (pdfmake, the Arabic font), without the charts: their SVGs are checked by chart-embed.spec.
jest.mock('./chart-svg', () => ({ renderSvg: () => '<svg xmlns="http://www.w3.org/2000/svg" width="360" height="220"/>' }));

const kenya: Dashboard['rows'][number] = {
  organisationId: '0b7d5a3e-4f1c-4a55-9d43-2f3c1e5a6b7c',
  organisationName: 'Kenya pathfinder',
  countryIso2: 'KE',
  countryIso3: 'KEN',
  regionCode: 'AFRO',
  initiatives: 2,
  stage: 'act',
  daysInStage: 12,
  overdueMilestones: 1,
  lastReport: { id: '5aa6cf71-7e80-40f9-9334-b5323ccbb925', title: 'Progress report, July–December 2026', status: 'submitted', updatedAt: '2026-11-30T10:00:00.000Z' },
  meetingsHeld90: 4,
  attendanceRate90: 0.82,
  lessonsPublished: 3,
  measuresImproving: 2,
  measuresConcerning: 1,
};
const dashboard: Dashboard = { generatedAt: '2026-12-01T11:05:00.000Z', rows: [kenya], stageDistribution: [], burndown: [], activity: [] };

describe('dashboard PDF for an Arabic reader', () => {
  it('is in Arabic and reads from the right: the table’s first column at the right, each wrapped heading line in reading order, 82% as written', async () => {
    const fragments = await pdfFragments(() => dashboardPdf(dashboard, { region: 'AFRO' }, 'ar', 'Africa/Cairo'));
    const text = fragments.map((fragment) => fragment.text).join(' ');
    expect(text).toContain('متابعة');
    expect(text).not.toContain('Figures as of');
    const words = (of: string) => lineFromRight(fragments, of).map((fragment) => fragment.text.trim());
    // The first column ("Pathfinder") is the rightmost heading; the row's country is at the right too.
    expect(words('الرائد')[0]).toBe('البلد');
    expect(words('pathfinder').slice(0, 3)).toEqual(['pathfinder', 'Kenya', 'التنفيذ']);
    // "الحضور (90 يومًا)" wraps after its number: its first line shows "الحضور" first (rightmost), its end comes on the
    // second (pdfmake wrapping a line already turned round showed the end first).
    const attendance = fragments.find((fragment) => fragment.text.trim() === 'الحضور')!;
    expect(lineFromRight(fragments, 'الحضور').filter((fragment) => Math.abs(fragment.x - attendance.x) < 40).map((fragment) => fragment.text.trim())).toEqual(['الحضور', '90)']);
    expect(words('pathfinder')).toContain('82%');
    // The report's title wraps after its comma, which stays with its words (it went to the far side: ",Progress").
    expect(fragments.some((fragment) => fragment.text.trim() === 'report,')).toBe(true);
    expect(fragments.some((fragment) => fragment.text.startsWith(','))).toBe(false);
    expect(text).not.toMatch(/[\u200E\u200F]/u);
    // The page's own lines read from the right whatever word comes first: the scope's region code first (at the right
    // end); the footer's brand first, the time of the figures last, then the page number at the left (laid out left to
    // right, as its first word is, the time zone had ended up beside the title).
    expect(words('الأرقام')[0]).toBe('AFRO');
    const footer = fragments.filter((fragment) => fragment.y > 540 && fragment.text.trim() !== '').sort((a, b) => b.x - a.x).map((fragment) => fragment.text.trim());
    expect(footer.slice(0, 2)).toEqual(['Workspace', 'SIMASHE']);
    expect(footer.slice(-2)).toEqual(['(UTC+02:00)', '1/1']);
  });
});
