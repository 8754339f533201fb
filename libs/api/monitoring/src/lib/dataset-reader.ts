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
 * The file's text as UTF-8 bytes, streamed from disk in chunks: the whole file is never in memory. UTF-8 files pass
 * through untouched (a chunk may cut a character: lines are only cut at line breaks); UTF-16 and Windows-1252 files
 * are converted on the way (their byte-order mark dropped).
 */
export async function* csvChunks(path: string, encoding: CsvFormat['encoding']): AsyncGenerator<Buffer> {
  const stream = createReadStream(path, { highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>;
  if (encoding === 'utf-8') {
    yield* stream;
    return;
  }
  const decoder = new TextDecoder(encoding === 'utf-8-replacing' ? 'utf-8' : encoding);
  for await (const bytes of stream) yield Buffer.from(decoder.decode(bytes, { stream: true }), 'utf8');
  const rest = decoder.decode();
  if (rest) yield Buffer.from(rest, 'utf8');
}

/** A record (line) longer than this is refused: a file whose line breaks are not LF or CR LF would be one line. */
const MAX_LINE_BYTES = 1024 * 1024;

/** Where the records of a CSV file go as the splitter finds them. */
export interface CsvVisitor {
  /** A line without quotes: its bytes `buffer[start, end)`, line break excluded, for the caller to split or scan. */
  plain(buffer: Buffer, start: number, end: number, line: number): void;
  /** A record with quotes (it may span several lines), split into its cells; `line` is where it starts. */
  quoted(line: number, cells: string[]): void;
}

/**
 * Splits UTF-8 CSV bytes into records (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes), fed
 * chunk by chunk. Blank lines are skipped; a line's number is where its record starts in the file.
 *
 * Lines are found with native byte searches and handed over as bytes: a line without quotes (nearly all of them)
 * never becomes a string here. Profiling the import of a million lines put most of its time in making and splitting
 * strings (csv-parse's per-field bookkeeping before that), so the import scans plain lines' bytes itself.
 */
export class CsvSplitter {
  private line = 0;
  /** The start of a line cut by the end of the previous chunk(s), kept in pieces until its line break comes. */
  private carry: Buffer[] = [];
  private carried = 0;
  /** A record whose quotes are still open at the end of a line: its text so far, and where it started. */
  private open: { start: number; text: string } | null = null;

  constructor(private readonly delimiter: ',' | ';') {}

  feed(chunk: Buffer, visitor: CsvVisitor): void {
    let buffer = chunk;
    if (this.carried > 0) {
      // Joined only once the line's break has come: a long line is not copied again with every chunk.
      if (!chunk.includes(10)) {
        this.keep(chunk);
        return;
      }
      buffer = Buffer.concat([...this.carry, chunk]);
      this.carry = [];
      this.carried = 0;
    }
    let start = 0;
    // The next quote in the chunk, searched for again only once passed: one search per quote, not one per line.
    let quote = buffer.indexOf(34);
    for (let newline = buffer.indexOf(10); newline !== -1; newline = buffer.indexOf(10, start)) {
      if (quote !== -1 && quote < start) quote = buffer.indexOf(34, start);
      this.take(buffer, start, newline, quote !== -1 && quote < newline, visitor);
      start = newline + 1;
    }
    if (start < buffer.length) this.keep(Buffer.from(buffer.subarray(start)));
  }

  private keep(piece: Buffer): void {
    this.carry.push(piece);
    this.carried += piece.length;
    if (this.carried > MAX_LINE_BYTES) {
      throw new UnreadableFileError(`line ${this.line + 1} is longer than 1 MB: the file needs one record per line, with line breaks (CR LF or LF)`);
    }
  }

  /** The last line (one without a line break after it); fails when a quote is still open. */
  end(visitor: CsvVisitor): void {
    const carry = this.carried > 0 ? Buffer.concat(this.carry) : null;
    this.carry = [];
    this.carried = 0;
    if (carry) this.take(carry, 0, carry.length, carry.includes(34), visitor);
    if (this.open) throw new UnreadableFileError(`a quote opened on line ${this.open.start} is never closed`);
  }

  private take(buffer: Buffer, lineStart: number, lineEnd: number, quoted: boolean, visitor: CsvVisitor): void {
    this.line += 1;
    // A UTF-8 byte-order mark before the header is not part of it.
    const bom = this.line === 1 && buffer[lineStart] === 0xef && buffer[lineStart + 1] === 0xbb && buffer[lineStart + 2] === 0xbf;
    const start = bom ? lineStart + 3 : lineStart;
    let end = lineEnd;
    while (end > start && buffer[end - 1] === 13) end -= 1;
    if (this.open) {
      this.open.text += `\n${buffer.toString('utf8', start, end)}`;
      if (quotesBalanced(this.open.text)) {
        visitor.quoted(this.open.start, splitQuoted(this.open.text, this.delimiter));
        this.open = null;
      }
      return;
    }
    if (end === start) return;
    if (!quoted) return visitor.plain(buffer, start, end, this.line);
    const text = buffer.toString('utf8', start, end);
    if (quotesBalanced(text)) visitor.quoted(this.line, splitQuoted(text, this.delimiter));
    else this.open = { start: this.line, text };
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
  /** `utf-8-replacing`: UTF-8 by its byte-order mark, with bytes that are not UTF-8 shown as U+FFFD. */
  encoding: 'utf-8' | 'utf-8-replacing' | 'utf-16le' | 'utf-16be' | 'windows-1252';
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
  else if (!(await isUtf8File(path))) {
    // A UTF-8 byte-order mark says what the file is, whatever stray byte it also holds.
    encoding = bytesRead >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 'utf-8-replacing' : 'windows-1252';
  }
  const decoder = new TextDecoder(encoding === 'utf-8-replacing' ? 'utf-8' : encoding);
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
