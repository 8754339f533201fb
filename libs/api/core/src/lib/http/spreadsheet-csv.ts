import { stringify } from 'csv-stringify/sync';
import type * as ExcelJSModule from 'exceljs';

/** Spreadsheet apps run cells starting with = + - @ as formulas; a leading apostrophe keeps them text. */
export function inert(value: string | number): string | number {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * A CSV download for spreadsheet apps: a byte-order mark so they read accents and Arabic as UTF-8, and cells that
 * would run as formulas made literal.
 */
export function spreadsheetCsv(header: string[], rows: Array<Array<string | number>>): Buffer {
  return Buffer.from(`\uFEFF${stringify([header, ...rows.map((row) => row.map(inert))])}`, 'utf8');
}

/**
 * An XLSX download: one sheet, a bold frozen header row, optional column widths and header filters. ExcelJS (about
 * 19 MB the API otherwise never needs) is loaded on the first spreadsheet asked for.
 */
export async function spreadsheetXlsx(
  sheetName: string,
  columns: Array<{ header: string; width?: number }>,
  rows: Array<Array<string | number>>,
  { autoFilter = false }: { autoFilter?: boolean } = {},
): Promise<Buffer> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ExcelJS: typeof ExcelJSModule = require('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'SIMASHE Workspace';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({ header: column.header, width: column.width }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  if (autoFilter) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
