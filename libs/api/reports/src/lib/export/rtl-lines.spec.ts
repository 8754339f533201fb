import type { ContentText } from 'pdfmake/interfaces';
import { breakLines, drawnFromRight, lineRuns, textDirection, tokens, visualOrder, withDirections, type Token } from './rtl-lines';

/** The line as drawn from the left: its pieces' texts, joined. */
const seen = (runs: ContentText[], base: 'rtl' | 'ltr' = 'rtl') => visualOrder(tokens(runs), base).map((piece) => piece.text).join('');
const order = (text: string, base: 'rtl' | 'ltr' = 'rtl') => seen([{ text }], base);

describe('right-to-left lines for pdfmake', () => {
  it('tells a text’s direction by its first letter, as dir="auto" does', () => {
    expect(textDirection('2026: تقرير التقدم')).toBe('rtl');
    expect(textDirection('WHO تقرير')).toBe('ltr');
    expect(textDirection('2026 — 45%')).toBeNull();
    expect(textDirection('٢٠٢٦ report')).toBe('ltr');
  });

  it('draws an Arabic line from the right: its words in reverse order from the left', () => {
    expect(order('تقرير التقدم السنوي')).toBe('السنوي التقدم تقرير');
  });

  it('keeps a run of Latin words, with the figures and signs among them, in its own order', () => {
    expect(order('حسب تقرير WHO Europe 2026 السنوي')).toBe('السنوي WHO Europe 2026 تقرير حسب');
    expect(order('منظمة (WHO Europe) السنوي')).toBe('السنوي (WHO Europe) منظمة');
  });

  it('keeps brackets with English words inside and before them, as a pair (the name of a body in an Arabic line)', () => {
    expect(order('التي تقدّمها SIMASHE Secretariat (WHO headquarters)، بتاريخ 5')).toBe('5 بتاريخ ،SIMASHE Secretariat (WHO headquarters) تقدّمها التي');
    // Nested: the inner pair with the English before it; the outer one, Arabic before it, right to left.
    expect(order('الاسم (WHO (Geneva)) هنا')).toBe('هنا (WHO (Geneva)) الاسم');
    // Arabic inside: right to left, whatever is before.
    expect(order('WHO (المكتب الإقليمي) تقرير')).toBe('تقرير (الإقليمي المكتب) WHO');
    // A bracket without its pair is a sign as any.
    expect(order('تقرير) WHO')).toBe('WHO (تقرير');
    expect(order('تقرير (WHO')).toBe('WHO) تقرير');
  });

  it('decides a sign’s direction over its whole paragraph, so one ending a line stays with its words', () => {
    // "Progress report, July 2026" in an Arabic table cell, broken after the comma.
    const pieces = withDirections(tokens([{ text: 'Progress report, July 2026 (مقدَّم)' }]), 'rtl');
    const [first] = breakLines(pieces, (piece) => piece.text.length, 16);
    expect(first.map((piece) => piece.text).join('')).toBe('Progress report,');
    expect(visualOrder(first, 'rtl').map((piece) => piece.text).join('')).toBe('Progress report,');
    // Decided on the line alone, the comma had nothing after it and went to the line's right-to-left side.
    expect(visualOrder(tokens([{ text: 'Progress report,' }]), 'rtl').map((piece) => piece.text).join('')).toBe(',Progress report');
  });

  it('gives a number the direction of the letters before it, not after', () => {
    expect(order('في عام 2026 مقارنة')).toBe('مقارنة 2026 عام في');
    expect(order('في 2026 Kenya')).toBe('Kenya 2026 في');
    expect(order('2026 WHO report')).toBe('WHO report 2026');
  });

  it('keeps a percent sign on its number’s right, and drops the direction marks Intl puts around it (drawn as boxes)', () => {
    const arabicPercent = new Intl.NumberFormat('ar', { style: 'percent' }).format(0.82);
    expect(order(`الحضور ${arabicPercent}`)).toBe('82% الحضور');
    expect(order('نسبة 45% من الأطفال')).toBe('الأطفال من 45% نسبة');
    expect(tokens([{ text: '\u200Fتقرير\u200E \u061C2026' }]).map((piece) => piece.text)).toEqual(['تقرير', ' ', '2026']);
    // The Arabic percent sign too; fontkit turns "95٪" whole (the sign is Arabic script), so it is handed over turned.
    expect(order('فاصل الثقة 95٪')).toBe('95٪ الثقة فاصل');
    expect(lineRuns(tokens([{ text: 'فاصل 95٪' }]), 'rtl').map((run) => run.text)).toEqual(['٪59', 'فاصل ']);
  });

  it('keeps a sign next to its word, with no space where the text had none (a style change inside a word too)', () => {
    expect(seen([{ text: 'مهم', bold: true }, { text: '. جدا' }])).toBe('جدا .مهم');
    expect(seen([{ text: 'co' }, { text: 'op', bold: true }, { text: ' تعاون' }])).toBe('تعاون coop');
    expect(order('the term شورى, meaning', 'ltr')).toBe('the term شورى, meaning');
  });

  it('in a left-to-right line, reverses only the Arabic run, with a number that follows an Arabic word', () => {
    expect(order('with كلمتان عربيتان inside', 'ltr')).toBe('with عربيتان كلمتان inside');
    expect(order('in عام 2026 we', 'ltr')).toBe('in 2026 عام we');
    expect(order('plain English words', 'ltr')).toBe('plain English words');
  });

  it('cuts text into words, signs, spaces and hard breaks, keeping each run’s style; cuts a long word in pieces', () => {
    const bold = { bold: true };
    expect(tokens([{ text: 'تقرير عن ' }, { text: 'المساواة', ...bold }, { text: '،\nالصحة' }]).map(({ kind, text, style }) => [kind, text, style])).toEqual([
      ['word', 'تقرير', {}],
      ['space', ' ', {}],
      ['word', 'عن', {}],
      ['space', ' ', {}],
      ['word', 'المساواة', bold],
      ['sign', '،', {}],
      ['break', '', {}],
      ['word', 'الصحة', {}],
    ]);
    expect(tokens([{ text: 'COVID-19 45.5% (x)' }]).map((piece) => piece.text)).toEqual(['COVID-19', ' ', '45.5%', ' ', '(', 'x', ')']);
    const long = tokens([{ text: 'ب'.repeat(70) }]);
    expect(long.map((piece) => [piece.text.length, piece.breakBefore ?? false])).toEqual([
      [30, false],
      [30, true],
      [10, true],
    ]);
  });

  it('fills lines greedily, ends them at spaces, between pieces of a long word and at hard breaks (blank lines kept)', () => {
    const widthOf = (piece: Token) => (piece.kind === 'space' ? 5 : piece.text.length * 10);
    const lines = (text: string, width: number) => breakLines(tokens([{ text }]), widthOf, width).map((line) => line.map((piece) => piece.text).join(''));
    expect(lines('aaa bbb ccc dddddddddddd ee', 70)).toEqual(['aaa bbb', 'ccc', 'dddddddddddd', 'ee']);
    expect(lines('\nfirst\n\nsecond', 100)).toEqual(['', 'first', '', 'second']);
    expect(lines('x'.repeat(70), 350)).toEqual(['x'.repeat(30), 'x'.repeat(30), 'x'.repeat(10)]);
  });

  it('knows which texts fontkit draws from the right: those whose first letter of a script of its own is right-to-left', () => {
    expect(drawnFromRight('الصحة.')).toBe(true);
    expect(drawnFromRight('٢٠٢٦')).toBe(true);
    expect(drawnFromRight('2026م')).toBe(true);
    expect(drawnFromRight('45%')).toBe(false);
    expect(drawnFromRight('WHO')).toBe(false);
  });

  it('hands fontkit right-to-left runs with their figures turned, so that fontkit turns them back', () => {
    const runs = lineRuns(tokens([{ text: 'كوفيد-19 عام ٢٠٢٦' }]), 'rtl').map((run) => run.text);
    expect(runs).toEqual(['٦٢٠٢', 'عام ', 'كوفيد-91 ']);
  });

  it('makes one run of pieces drawn left to right in one style, and carries the space on the left of a right-to-left word in it', () => {
    const runs = lineRuns(tokens([{ text: 'حسب تقرير WHO Europe السنوي' }]), 'rtl').map((run) => run.text);
    // From the left: "السنوي", then the English run with the spaces around it, then the Arabic words, each carrying
    // the space drawn on its left.
    expect(runs).toEqual(['السنوي', ' WHO Europe', 'تقرير ', 'حسب ']);
  });
});
