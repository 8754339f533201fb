import type { Lesson } from '@simashe/contracts';
import { spreadsheetCsv, spreadsheetXlsx } from '@simashe/api-core';

const COLUMNS: Array<{ header: string; value: (lesson: Lesson) => string; width: number }> = [
  { header: 'Title', value: (l) => l.title, width: 40 },
  { header: 'Organisation', value: (l) => l.organisationName, width: 30 },
  { header: 'Region', value: (l) => l.regionCode ?? '', width: 8 },
  { header: 'Country', value: (l) => l.countryName ?? '', width: 16 },
  { header: 'Initiative', value: (l) => l.initiative, width: 24 },
  { header: 'Cycle stage', value: (l) => l.cycleStage ?? '', width: 10 },
  { header: 'Determinants', value: (l) => l.determinants.join('; '), width: 20 },
  { header: 'Sectors', value: (l) => l.sectors.join('; '), width: 24 },
  { header: 'Levels', value: (l) => l.levels.join('; '), width: 16 },
  { header: 'Language', value: (l) => l.language, width: 8 },
  { header: 'Status', value: (l) => l.status, width: 10 },
  { header: 'Visibility', value: (l) => l.visibility, width: 12 },
  { header: 'Context', value: (l) => l.context, width: 50 },
  { header: 'What was done', value: (l) => l.actions, width: 50 },
  { header: 'What worked', value: (l) => l.worked, width: 50 },
  { header: 'What did not work', value: (l) => l.didNotWork, width: 50 },
  { header: 'Recommendation', value: (l) => l.recommendation, width: 50 },
  { header: 'Evidence', value: (l) => [...l.evidence.map((e) => (e.kind === 'link' ? e.url : `${e.kind}:${e.id}`)), ...l.files.map((f) => `file:${f.name}`)].join('; '), width: 40 },
  { header: 'Author', value: (l) => l.authorName ?? '', width: 20 },
  { header: 'Published', value: (l) => l.publishedAt?.slice(0, 10) ?? '', width: 12 },
  { header: 'Updated', value: (l) => l.updatedAt.slice(0, 10), width: 12 },
];

export function lessonsCsv(lessons: Lesson[]): Buffer {
  return spreadsheetCsv(COLUMNS.map((c) => c.header), lessons.map((lesson) => COLUMNS.map((column) => column.value(lesson))));
}

export function lessonsXlsx(lessons: Lesson[]): Promise<Buffer> {
  return spreadsheetXlsx('Lessons learned', COLUMNS, lessons.map((lesson) => COLUMNS.map((column) => column.value(lesson))), { autoFilter: true });
}
