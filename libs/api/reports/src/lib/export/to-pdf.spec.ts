import type { ContentStack, ContentText } from 'pdfmake/interfaces';
import { breakLongWords, LONGEST_PIECE, pdfBuffer, textBlock, withBreakableWords } from './to-pdf';

describe('PDF text layout', () => {
  it('leaves ordinary words alone and makes a long run breakable every 30 characters', () => {
    expect(breakLongWords('Health equity in Kenya, 2026')).toBe('Health equity in Kenya, 2026');
    const sixty = 'x'.repeat(60);
    expect(breakLongWords(sixty)).toBe(sixty);
    const pieces = breakLongWords(`see ${'a'.repeat(100)} here`).split(' ')[1].split('\u200b');
    expect(pieces.map((piece) => piece.length)).toEqual([30, 30, 30, 10]);
  });

  it('never splits a character made of two UTF-16 units', () => {
    const broken = breakLongWords('😀'.repeat(70));
    expect(broken.split('\u200b')).toEqual(['😀'.repeat(30), '😀'.repeat(30), '😀'.repeat(10)]);
  });

  it('changes text anywhere in the tree, but not images, SVGs or link targets', () => {
    const long = 'b'.repeat(61);
    const tree = withBreakableWords({ stack: [long, { text: [{ text: long, link: `https://example.org/${long}` }] }, { image: `data:image/png;base64,${long}` }, { svg: `<svg>${long}</svg>` }] });
    expect(tree.stack[0]).toContain('\u200b');
    const link = (tree.stack[1] as { text: Array<{ text: string; link: string }> }).text[0];
    expect(link.text).toContain('\u200b');
    expect(link.link).toBe(`https://example.org/${long}`);
    expect(tree.stack[2]).toEqual({ image: `data:image/png;base64,${long}` });
    expect(tree.stack[3]).toEqual({ svg: `<svg>${long}</svg>` });
  });

  it('lays out a 50,000-character word (it ran the API out of memory)', async () => {
    const pdf = await pdfBuffer({ content: [{ text: 'C'.repeat(50_000) }] });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('lays out a long paragraph as pieces cut at spaces, its text and styles unchanged', async () => {
    const short: ContentText[] = [{ text: 'Short ' }, { text: 'and bold', bold: true }];
    expect(textBlock(short, { margin: [0, 0, 0, 6] })).toEqual({ text: short, margin: [0, 0, 0, 6] });
    const words = 'lorem ipsum dolor sit amet '.repeat(12_000); // 324 kB
    const runs: ContentText[] = [{ text: words }, { text: 'emphasis '.repeat(2000), italics: true }, { text: 'x'.repeat(20_000) }];
    const block = textBlock(runs, { style: 'h2' }) as ContentStack & { style: string };
    expect(block.style).toBe('h2');
    const pieces = block.stack as Array<{ text: ContentText[] }>;
    for (const piece of pieces) expect(piece.text.reduce((sum, run) => sum + String(run.text).length, 0)).toBeLessThanOrEqual(LONGEST_PIECE);
    const flat = pieces.flatMap((piece) => piece.text);
    expect(flat.map((run) => run.text).join('')).toBe(runs.map((run) => run.text).join(''));
    expect(flat.filter((run) => run.italics).map((run) => run.text).join('')).toBe('emphasis '.repeat(2000));
    // Cut at spaces: every piece of the plain words ends with one.
    expect(pieces.slice(0, 3).every((piece) => String(piece.text[piece.text.length - 1].text).endsWith(' '))).toBe(true);
    const pdf = await pdfBuffer({ content: [block] });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
