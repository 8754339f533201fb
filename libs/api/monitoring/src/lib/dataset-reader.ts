import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type * as ExcelJsModule from 'exceljs';

/** One line of a dataset file: its 1-based number (the header is line 1) and its cells as text. */
export interface FileLine {
  line: number;
  cells: string[];
}

/** The file could not be read as what it claims to be (broken quoting, a damaged workbook). */
export class UnreadableFileError extends Error {}

/** The lines of `source`, with any failure to read them turned into an UnreadableFileError. */
export async function* readable(source: AsyncGenerator<FileLine[]>): AsyncGenerator<FileLine[]> {
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
 * The lines of a CSV file (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes), streamed from disk in
 * batches: the whole file is never in memory. The delimiter (comma, or semicolon as spreadsheet apps write in French
 * and Spanish) is taken from the first line. A line's number is where its record starts in the file.
 *
 * Written here rather than through csv-parse: profiling the import of 200,000 lines put 30 % of the API's time in
 * csv-parse's per-field and per-record bookkeeping; this reader splits unquoted lines with one `split`.
 */
export async function* csvLines(path: string, format?: CsvFormat): AsyncGenerator<FileLine[]> {
  const { delimiter, encoding } = format ?? (await sniffCsv(path));
  const decoder = new TextDecoder(encoding);
  const stream = createReadStream(path, { highWaterMark: 256 * 1024 });
  let carry = '';
  let lineNumber = 0;
  let first = true;
  // A record whose quotes are still open at the end of a line: its fields so far, and where it started.
  let open: { start: number; text: string } | null = null;
  for await (const bytes of stream as AsyncIterable<Buffer>) {
    let text = carry + decoder.decode(bytes, { stream: true });
    if (first) {
      text = text.replace(/^\uFEFF/, '');
      first = false;
    }
    const lines = text.split('\n');
    carry = lines.pop() ?? '';
    const batch: FileLine[] = [];
    for (const raw of lines) {
      lineNumber += 1;
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (open) {
        open.text += `\n${line}`;
        if (quotesBalanced(open.text)) {
          batch.push({ line: open.start, cells: splitQuoted(open.text, delimiter) });
          open = null;
        }
        continue;
      }
      if (line === '') continue;
      if (!line.includes('"')) batch.push({ line: lineNumber, cells: line.split(delimiter) });
      else if (quotesBalanced(line)) batch.push({ line: lineNumber, cells: splitQuoted(line, delimiter) });
      else open = { start: lineNumber, text: line };
    }
    if (batch.length) yield batch;
  }
  carry += decoder.decode();
  const last = carry.endsWith('\r') ? carry.slice(0, -1) : carry;
  if (open) {
    open.text += last ? `\n${last}` : '';
    if (!quotesBalanced(open.text)) throw new Error(`a quote opened on line ${open.start} is never closed`);
    yield [{ line: open.start, cells: splitQuoted(open.text, delimiter) }];
  } else if (last !== '') {
    yield [{ line: lineNumber + 1, cells: last.includes('"') ? splitQuoted(last, delimiter) : last.split(delimiter) }];
  }
}

function quotesBalanced(text: string): boolean {
  let count = 0;
  for (let index = text.indexOf('"'); index !== -1; index = text.indexOf('"', index + 1)) count += 1;
  return count % 2 === 0;
}

/** Fields of a record with quotes: "a, b" is one field, "" inside quotes is one quote. */
function splitQuoted(text: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"') {
        if (text[index + 1] === '"') {
          cell += '"';
          index += 1;
        } else quoted = false;
      } else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === delimiter) {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  cells.push(cell);
  return cells;
}

/** How a CSV file is written: its cell separator and its text encoding. */
export interface CsvFormat {
  delimiter: ',' | ';';
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
}

/**
 * The file's encoding and delimiter. UTF-16 is recognised by its byte-order mark (Excel's "Unicode text"); a file
 * that is not valid UTF-8 is read as Windows-1252, what Excel writes by default on Windows in Western languages
 * ("Côte d’Ivoire" would otherwise arrive as "C�te d�Ivoire"). The delimiter is whichever of ; and , the first line
 * has more of.
 */
export async function sniffCsv(path: string): Promise<CsvFormat> {
  const head = Buffer.alloc(4);
  const handle = await open(path, 'r');
  const { bytesRead } = await handle.read(head, 0, 4, 0).finally(() => handle.close());
  let encoding: CsvFormat['encoding'] = 'utf-8';
  if (bytesRead >= 2 && head[0] === 0xff && head[1] === 0xfe) encoding = 'utf-16le';
  else if (bytesRead >= 2 && head[0] === 0xfe && head[1] === 0xff) encoding = 'utf-16be';
  else if (!(await isUtf8File(path))) encoding = 'windows-1252';
  const decoder = new TextDecoder(encoding);
  let first = '';
  for await (const bytes of createReadStream(path, { start: 0, end: 8191 }) as AsyncIterable<Buffer>) first += decoder.decode(bytes, { stream: true });
  const line = first.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
  return { delimiter: (line.match(/;/g)?.length ?? 0) > (line.match(/,/g)?.length ?? 0) ? ';' : ',', encoding };
}

/** Whether the whole file is valid UTF-8, checked natively chunk by chunk without making strings of it. */
async function isUtf8File(path: string): Promise<boolean> {
  let carry: Buffer = Buffer.alloc(0);
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    const bytes = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    // A character cut by the chunk's end waits for the next chunk.
    let end = bytes.length;
    let lead = end - 1;
    while (lead >= 0 && end - lead <= 3 && (bytes[lead] & 0xc0) === 0x80) lead -= 1;
    if (lead >= 0 && bytes[lead] >= 0xc0 && end - lead < (bytes[lead] >= 0xf0 ? 4 : bytes[lead] >= 0xe0 ? 3 : 2)) end = lead;
    if (!isUtf8(bytes.subarray(0, end))) return false;
    carry = Buffer.from(bytes.subarray(end));
  }
  return carry.length === 0 || isUtf8(carry);
}

/** The lines of the first worksheet of an XLSX file, streamed (exceljs's streaming reader). */
export async function* xlsxLines(path: string): AsyncGenerator<FileLine[]> {
  const reader = new (exceljs().stream.xlsx.WorkbookReader)(path, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit' });
  let batch: FileLine[] = [];
  for await (const worksheet of reader) {
    for await (const row of worksheet as AsyncIterable<ExcelJsModule.Row>) {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      const cells = Array.from(values, (value) => cellText(value));
      if (cells.every((cell) => cell === '')) continue;
      batch.push({ line: row.number, cells });
      if (batch.length >= 1000) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length) yield batch;
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
