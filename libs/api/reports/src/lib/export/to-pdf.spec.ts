import { lineFromRight, pdfFragments } from '@simashe/api-testing';
import type { ContentStack, ContentText } from 'pdfmake/interfaces';
import { ExportWords } from './export-words';
import { textDirection } from './rtl-lines';
import { breakLongWords, chartSvg, LONGEST_PIECE, pdfBuffer, textBlock, toPdf, withBreakableWords, withScriptFonts } from './to-pdf';

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

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

  it('tells a text’s direction by its first letter, as dir="auto" does', () => {
    expect(textDirection('2026: تقرير التقدم')).toBe('rtl');
    expect(textDirection('WHO تقرير')).toBe('ltr');
    expect(textDirection('2026 — 45%')).toBeNull();
  });

  it('sets Arabic text in the Arabic font anywhere in the tree, in the order it is seen, leaving other text, settings and own fonts alone', () => {
    const font = 'Amiri';
    const tree = withScriptFonts({
      stack: ['Plain', 'كلمة أولى', { text: [{ text: 'English ' }, { text: 'عربي', bold: true }] }, { text: 'عربي', font: 'Roboto' }],
      table: { widths: ['*'], body: [['خلية']] },
      style: 'h2',
    });
    expect(tree).toEqual({
      stack: [
        'Plain',
        // Read from the right: "كلمة" first; the space between is drawn by fontkit on its left.
        { text: [{ text: 'أولى', font }, { text: 'كلمة ', font }] },
        { text: [{ text: 'English ' }, { text: [{ text: 'عربي', font }], bold: true }] },
        { text: 'عربي', font: 'Roboto' },
      ],
      table: { widths: ['*'], body: [[{ text: [{ text: 'خلية', font }] }]] },
      style: 'h2',
    });
  });

  it('draws an Arabic paragraph from the right, its words in reading order, in an Arabic font (before: back to front, in empty boxes)', async () => {
    const doc = { type: 'doc', content: [paragraph('نتائج المساواة في المدارس والعيادات')] };
    const english = { title: 'Progress', organisation: 'Ministry', period: '2026', versionStamp: 'Version 1', words: new ExportWords('en') };
    let pdf: Buffer = Buffer.alloc(0);
    const fragments = await pdfFragments(async () => (pdf = await toPdf(doc as never, english)));
    const first = fragments.find((fragment) => fragment.text.includes('نتائج'));
    const line = fragments.filter((fragment) => fragment.y === first?.y);
    // Read from the right: the first word written is the rightmost; each but the last carries the space that fontkit
    // draws on its left.
    const fromRight = [...line].sort((a, b) => b.x - a.x).map((fragment) => fragment.text);
    expect(fromRight).toEqual(['نتائج ', 'المساواة ', 'في ', 'المدارس ', 'والعيادات']);
    // Right-aligned: it ends at the right margin (A4 is 595.28 pt wide, 56 pt margins), far from the left one.
    const right = Math.max(...line.map((fragment) => fragment.x + fragment.width));
    expect(right).toBeCloseTo(595.28 - 56, 1);
    expect(Math.min(...line.map((fragment) => fragment.x))).toBeGreaterThan(300);
    expect(pdf.includes('Amiri')).toBe(true);
  });

  it('writes an Arabic reader’s stamp, period line and footer from the right, the period first, the page number at the left', async () => {
    const words = new ExportWords('ar');
    const header = { title: 'Progress', organisation: 'Kenya pathfinder', period: words.period('2026-07-01', '2026-12-31'), versionStamp: words.currentStamp('draft', 'X'), words };
    const doc = { type: 'doc', content: [{ type: 'actionItem', attrs: { ownerName: 'Amina' }, content: [{ type: 'text', text: 'متابعة مع الوزارة' }] }] };
    const fragments = await pdfFragments(() => toPdf(doc as never, header));
    const lineOf = (text: string) => lineFromRight(fragments, text);
    // The stamp reads from the right margin.
    const stamp = lineOf('النسخة');
    expect(stamp[0].text).toContain('النسخة');
    expect(stamp[0].x + stamp[0].width).toBeCloseTo(595.28 - 56, 0);
    // The period, then the organisation's Latin name at the line's left end (its day stays with its month).
    const place = lineOf('يوليو');
    expect(place.slice(0, 2).map((fragment) => fragment.text.trim())).toEqual(['1', 'يوليو']);
    expect(place[place.length - 1].text).toBe('Kenya ');
    // The action item's label, in Arabic, before its text.
    expect(lineOf('متابعة').map((fragment) => fragment.text.trim())).toEqual(['إجراء', '—', ':Amina', 'متابعة', 'مع', 'الوزارة']);
    // The footer: its words from the right, the page number at the left.
    const footer = fragments.filter((fragment) => fragment.y > 780);
    expect(footer.find((fragment) => fragment.text === '1/1')!.x).toBeLessThan(100);
  });

  it('keeps an English report in Roboto alone, its lines from the left', async () => {
    const doc = { type: 'doc', content: [paragraph('Health equity in Kenya, 2026')] };
    let pdf: Buffer = Buffer.alloc(0);
    const fragments = await pdfFragments(async () => (pdf = await toPdf(doc as never, { title: 'Progress', organisation: 'Ministry', period: '2026', versionStamp: 'Version 1', words: new ExportWords('en') })));
    const first = fragments.find((fragment) => fragment.text === 'Health ');
    const line = fragments.filter((fragment) => fragment.y === first?.y);
    expect([...line].sort((a, b) => a.x - b.x).map((fragment) => fragment.text)).toEqual(['Health ', 'equity ', 'in ', 'Kenya, ', '2026']);
    expect(Math.min(...line.map((fragment) => fragment.x))).toBe(56);
    expect(pdf.includes('Amiri')).toBe(false);
  });

  it('hands the SVG renderer an Arabic chart’s words in the order they are seen, turned for fontkit, without direction marks', () => {
    const svg =
      '<svg direction="rtl"><text x="1" text-anchor="end">تغييرات المراحل &amp; ‏2026‏</text><text x="2">Open milestones</text>' +
      '<text>انزياح: 6 نقاط</text><text>HIV: نسبة الفحص</text><text>الدورة 3 (مرحلة التنفيذ)</text><text>فاصل الثقة 95٪</text></svg>';
    const drawn = chartSvg(svg, 240, 'rtl');
    const texts = [...drawn.svg.matchAll(/<text[^>]*>([^<]*)</g)].map((match) => match[1]);
    // From the left: the last words written first. A word fontkit turns (its first character of a script of its own
    // is Arabic) is handed over turned, so that its pieces come out where they are seen: "انزياح:" (fontkit draws the
    // colon at the left of the word), "التنفيذ(" and ")مرحلة" (the brackets around the two words), "٪59" (fontkit
    // draws "95٪", the percent sign on the right of its number as in the line it came from).
    expect(texts).toEqual(['2026 &amp; المراحل تغييرات', 'Open milestones', 'نقاط 6 انزياح:', 'الفحص نسبة :HIV', 'التنفيذ( )مرحلة 3 الدورة', '٪59 الثقة فاصل']);
    expect(drawn.svg).toContain('<text x="1" text-anchor="end" word-spacing="0.1">');
    expect(drawn.svg).toContain('<text x="2">Open milestones<');
    // Its text comes in the order it is seen: an end anchor must not be read right to left again.
    expect(drawn.svg).toMatch(/^<svg>/);
    expect(drawn.svg).not.toMatch(/[\u200E\u200F]/u);
    expect(drawn.font).toBe('Amiri');
    expect(chartSvg('<svg><text>Open milestones</text></svg>', 240)).toEqual({ svg: '<svg><text>Open milestones</text></svg>', width: 240 });
  });

  it('draws a chart’s Arabic labels in the Arabic font, and an English chart in Roboto', async () => {
    const id = '0b7d5a3e-4f1c-4a55-9d43-2f3c1e5a6b7c';
    const doc = { type: 'doc', content: [{ type: 'chartEmbed', attrs: { source: 'measure', id, title: 'x' } }] };
    const chart = (label: string) => new Map([[`measure:${id}`, { title: 'x', width: 300, height: 100, png: Buffer.alloc(0), svg: `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100"><text x="10" y="50" font-family="system-ui, sans-serif">${label}</text></svg>` }]]);
    const english = { title: 'Progress', organisation: 'Ministry', period: '2026', versionStamp: 'Version 1', words: new ExportWords('en') };
    expect((await toPdf(doc as never, english, chart('معدل وفيات الأطفال'))).includes('Amiri')).toBe(true);
    expect((await toPdf(doc as never, english, chart('Under-five mortality'))).includes('Amiri')).toBe(false);
  });
});
