import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvChunks, CsvSplitter, sniffCsv, UnreadableFileError, type FileLine } from './dataset-reader';

describe('reading CSV files', () => {
  const folder = mkdtempSync(join(tmpdir(), 'reader-spec-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  /** The records as the import sees them; a plain line (no quotes) is split here, as the import's general path does. */
  const records = async (content: string | Buffer, chunkSize?: number): Promise<Array<FileLine & { plain: boolean }>> => {
    const path = join(folder, `f${Math.random()}.csv`);
    writeFileSync(path, content);
    const { delimiter, encoding } = await sniffCsv(path);
    const splitter = new CsvSplitter(delimiter);
    const lines: Array<FileLine & { plain: boolean }> = [];
    const visitor = {
      plain: (buffer: Buffer, start: number, end: number, line: number) => lines.push({ line, cells: buffer.toString('utf8', start, end).split(delimiter), plain: true }),
      quoted: (line: number, cells: string[]) => lines.push({ line, cells, plain: false }),
    };
    for await (const chunk of csvChunks(path, encoding)) {
      // Smaller chunks put every possible cut inside lines and characters.
      if (chunkSize) for (let at = 0; at < chunk.length; at += chunkSize) splitter.feed(chunk.subarray(at, at + chunkSize), visitor);
      else splitter.feed(chunk, visitor);
    }
    splitter.end(visitor);
    return lines;
  };
  const read = async (content: string | Buffer, chunkSize?: number): Promise<FileLine[]> => (await records(content, chunkSize)).map(({ line, cells }) => ({ line, cells }));

  it('splits plain and quoted fields, numbering lines where each record starts', async () => {
    const lines = await read('\uFEFFa,b,c\r\n1,"two, too",3\r\n\r\n4,"say ""hi""\nthere",6\n7,8,9');
    expect(lines).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['1', 'two, too', '3'] },
      { line: 4, cells: ['4', 'say "hi"\nthere', '6'] },
      { line: 6, cells: ['7', '8', '9'] },
    ]);
  });

  it('takes semicolons when the first line has more of them than commas', async () => {
    expect(await read('a;b\n1,5;2\n')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1,5', '2'] },
    ]);
  });

  it('reads records across chunk boundaries', async () => {
    const body = Array.from({ length: 30_000 }, (_, index) => `row ${index},"quoted ${index}",${index}`).join('\n');
    const lines = await read(`a,b,c\n${body}\n`);
    expect(lines).toHaveLength(30_001);
    expect(lines[29_999]).toEqual({ line: 30_000, cells: ['row 29998', 'quoted 29998', '29998'] });
  });

  it('hands over lines without quotes as bytes, and cuts nothing when chunks cut lines and characters', async () => {
    const text = '\uFEFFsetting,subgroup\r\nCôte d’Ivoire,"Q1, poorest"\nالمغرب,Q2\n\n"a\nb",x';
    const whole = await records(text);
    expect(whole.map((record) => record.plain)).toEqual([true, false, true, false]);
    expect(whole.map(({ line, cells }) => ({ line, cells }))).toEqual([
      { line: 1, cells: ['setting', 'subgroup'] },
      { line: 2, cells: ['Côte d’Ivoire', 'Q1, poorest'] },
      { line: 3, cells: ['المغرب', 'Q2'] },
      { line: 5, cells: ['a\nb', 'x'] },
    ]);
    for (const size of [1, 2, 3, 5, 7]) expect(await read(text, size)).toEqual(await read(text));
  });

  it('reads UTF-16 and Windows-1252 files as the same text', async () => {
    const text = 'setting;subgroup\nCôte d’Ivoire;Q1\n';
    const expected = [
      { line: 1, cells: ['setting', 'subgroup'] },
      { line: 2, cells: ['Côte d’Ivoire', 'Q1'] },
    ];
    expect(await read(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toEqual(expected);
    // Windows-1252 writes ’ as 0x92.
    expect(await read(Buffer.from(text.replace('’', '\u0092'), 'latin1'))).toEqual(expected);
  });

  it('refuses a line of more than 1 MB (a file whose line breaks are CR alone is one line), without slowing down on it', async () => {
    const crOnly = `a,b\r${'x,1\r'.repeat(300_000)}`;
    const started = performance.now();
    await expect(read(crOnly)).rejects.toThrow('line 1 is longer than 1 MB: the file needs one record per line, with line breaks (CR LF or LF)');
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('takes a file with a UTF-8 byte-order mark as UTF-8, showing a stray byte as U+FFFD', async () => {
    const bytes = Buffer.concat([Buffer.from('\uFEFFsetting,subgroup\nKenya,F', 'utf8'), Buffer.from([0xe9]), Buffer.from('male\n')]);
    expect(await read(bytes)).toEqual([
      { line: 1, cells: ['setting', 'subgroup'] },
      { line: 2, cells: ['Kenya', 'F\uFFFDmale'] },
    ]);
  });

  it('refuses a quote that is never closed', async () => {
    await expect(read('a,b\n"open,1\n2,3\n')).rejects.toBeInstanceOf(UnreadableFileError);
  });
});

describe('telling the encoding', () => {
  const folder = mkdtempSync(join(tmpdir(), 'encoding-spec-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const format = (bytes: Buffer) => {
    const path = join(folder, `f${Math.random()}.csv`);
    writeFileSync(path, bytes);
    return sniffCsv(path);
  };

  it('keeps UTF-8 whose characters straddle the 1 MB chunks, and reads other text as Windows-1252', async () => {
    // "é" (2 bytes) and "’" (3 bytes) at every offset around the chunk boundary.
    const utf8 = Buffer.from(`a;b\n${'x'.repeat(1024 * 1024 - 6)}é’é’\n`, 'utf8');
    expect(await format(utf8)).toEqual({ delimiter: ';', encoding: 'utf-8' });
    for (let shift = 1; shift <= 3; shift += 1) expect((await format(Buffer.concat([Buffer.from('x'.repeat(shift)), utf8]))).encoding).toBe('utf-8');
    expect((await format(Buffer.from('a,b\nC\u00f4te,1\n', 'latin1'))).encoding).toBe('windows-1252');
    expect((await format(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,b\n', 'utf16le')]))).encoding).toBe('utf-16le');
  });
});
