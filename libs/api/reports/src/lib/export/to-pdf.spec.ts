import { breakLongWords, pdfBuffer, withBreakableWords } from './to-pdf';

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
});
