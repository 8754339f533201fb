import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvLines, readable, sniffCsv, UnreadableFileError, type FileLine } from './dataset-reader';

describe('reading CSV files', () => {
  const folder = mkdtempSync(join(tmpdir(), 'reader-spec-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const read = async (text: string): Promise<FileLine[]> => {
    const path = join(folder, `f${Math.random()}.csv`);
    writeFileSync(path, text);
    const lines: FileLine[] = [];
    for await (const batch of readable(csvLines(path))) lines.push(...batch);
    return lines;
  };

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
