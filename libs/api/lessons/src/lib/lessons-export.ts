import type { Lesson } from '@simashe/contracts';
import { spreadsheetCsv } from '@simashe/api-core';
import type * as ExcelJSModule from 'exceljs';

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

export async function lessonsXlsx(lessons: Lesson[]): Promise<Buffer> {
  // Loaded on the first spreadsheet asked for (about 19 MB the API otherwise never needs).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ExcelJS: typeof ExcelJSModule = require('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'SIMASHE Workspace';
  const sheet = workbook.addWorksheet('Lessons learned', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((column) => ({ header: column.header, width: column.width }));
  sheet.getRow(1).font = { bold: true };
  for (const lesson of lessons) sheet.addRow(COLUMNS.map((column) => column.value(lesson)));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
