import { parse } from 'csv-parse';
import { createReadStream } from 'node:fs';
import type * as ExcelJsModule from 'exceljs';

/** One line of a dataset file: its 1-based number (the header is line 1) and its cells as text. */
export interface FileLine {
  line: number;
  cells: string[];
}

/** The file could not be read as what it claims to be (broken quoting, a damaged workbook). */
export class UnreadableFileError extends Error {}

/** The lines of `source`, with any failure to read them turned into an UnreadableFileError. */
export async function* readable(source: AsyncGenerator<FileLine>): AsyncGenerator<FileLine> {
  try {
    yield* source;
  } catch (error) {
    throw new UnreadableFileError((error as Error).message);
  }
}

/** The spreadsheet library (large) is loaded on the first XLSX import. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const exceljs = (): typeof ExcelJsModule => require('exceljs');

/**
 * The lines of a CSV file, streamed from disk: the whole file is never in memory. The delimiter (comma or
 * semicolon, as spreadsheet apps in French and Spanish write) is taken from the first line.
 */
export async function* csvLines(path: string): AsyncGenerator<FileLine> {
  const delimiter = await sniffDelimiter(path);
  const parser = createReadStream(path).pipe(
    parse({ bom: true, delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true, max_record_size: 64 * 1024 }),
  );
  for await (const record of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    yield { line: record.info.lines, cells: record.record };
  }
}

async function sniffDelimiter(path: string): Promise<string> {
  const stream = createReadStream(path, { start: 0, end: 4095, encoding: 'utf8' });
  let head = '';
  for await (const chunk of stream) head += chunk as string;
  const first = head.split(/\r?\n/)[0] ?? '';
  return (first.match(/;/g)?.length ?? 0) > (first.match(/,/g)?.length ?? 0) ? ';' : ',';
}

/** The lines of the first worksheet of an XLSX file, streamed (exceljs's streaming reader). */
export async function* xlsxLines(path: string): AsyncGenerator<FileLine> {
  const reader = new (exceljs().stream.xlsx.WorkbookReader)(path, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit' });
  for await (const worksheet of reader) {
    for await (const row of worksheet as AsyncIterable<ExcelJsModule.Row>) {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      const cells = Array.from(values, (value) => cellText(value));
      if (cells.every((cell) => cell === '')) continue;
      yield { line: row.number, cells };
    }
    // Only the first worksheet holds the data.
    break;
  }
}

function cellText(value: ExcelJsModule.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (value instanceof Date) return String(value.getUTCFullYear());
  if (typeof value === 'object') {
    if ('result' in value && value.result !== undefined) return cellText(value.result as ExcelJsModule.CellValue);
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
  }
  return String(value);
}
