import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvLines, readable, UnreadableFileError, type FileLine } from './dataset-reader';

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
