import { breakLines, lineRuns, tokens, visualOrder, wordDirection, type Token } from './rtl-lines';

const words = (text: string) => text.split(' ').map((word) => ({ text: word }));
const order = (text: string, base: 'rtl' | 'ltr' = 'rtl') => visualOrder(words(text), base).map((word) => word.text).join(' ');

describe('right-to-left lines for pdfmake', () => {
  it('tells a word’s direction by its first letter; figures and signs alone are numbers or neutral', () => {
    expect(wordDirection('الصحة')).toBe('rtl');
    expect(wordDirection('«الصحة»')).toBe('rtl');
    expect(wordDirection('(WHO')).toBe('ltr');
    expect(wordDirection('45.5%')).toBe('number');
    expect(wordDirection('٢٠٢٦')).toBe('number');
    expect(wordDirection('—')).toBe('neutral');
  });

  it('draws an Arabic line from the right: its words in reverse order from the left', () => {
    expect(order('تقرير التقدم السنوي')).toBe('السنوي التقدم تقرير');
  });

  it('keeps a run of Latin words, with the figures and signs among them, in its own order', () => {
    expect(order('حسب تقرير WHO Europe 2026 السنوي')).toBe('السنوي WHO Europe 2026 تقرير حسب');
    expect(order('منظمة World - Health السنوي')).toBe('السنوي World - Health منظمة');
  });

  it('leaves a number among Arabic words where it was written, and a sign between two Arabic words with them', () => {
    expect(order('في عام 2026 مقارنة')).toBe('مقارنة 2026 عام في');
    expect(order('الصحة - التعليم')).toBe('التعليم - الصحة');
  });

  it('in a left-to-right line, reverses only the Arabic run, with a number that follows an Arabic word', () => {
    expect(order('with كلمتان عربيتان inside', 'ltr')).toBe('with عربيتان كلمتان inside');
    expect(order('in عام 2026 we', 'ltr')).toBe('in 2026 عام we');
    expect(order('plain English words', 'ltr')).toBe('plain English words');
  });

  it('splits runs into styled words, and a hard break ends the word before it', () => {
    expect(tokens([{ text: 'تقرير عن ' }, { text: 'المساواة', bold: true }, { text: ' في\nالصحة' }])).toEqual([
      { text: 'تقرير', style: {} },
      { text: 'عن', style: {} },
      { text: 'المساواة', style: { bold: true } },
      { text: 'في', style: {}, breakAfter: true },
      { text: 'الصحة', style: {} },
    ]);
  });

  it('fills lines greedily to the width; a word wider than a line has one of its own; a hard break ends a line', () => {
    const word = (text: string, breakAfter?: boolean): Token => ({ text, style: {}, ...(breakAfter && { breakAfter }) });
    const widthOf = (token: Token) => token.text.length * 10;
    const space = () => 5;
    const lines = breakLines([word('aaa'), word('bbb'), word('ccc'), word('dddddddddddd'), word('ee', true), word('ff')], widthOf, space, 70);
    expect(lines.map((line) => line.map((token) => token.text))).toEqual([['aaa', 'bbb'], ['ccc'], ['dddddddddddd'], ['ee'], ['ff']]);
  });

  it('puts each space where the font engine draws it beside the right word: after a right-to-left word, it lands on its left', () => {
    const line = tokens([{ text: 'حسب تقرير WHO Europe السنوي' }]);
    expect(lineRuns(line, 'rtl').map((run) => run.text)).toEqual(['السنوي', ' ', 'WHO ', 'Europe', 'تقرير ', 'حسب ']);
    expect(lineRuns(tokens([{ text: 'with عربي inside' }]), 'ltr').map((run) => run.text)).toEqual(['with', 'عربي ', ' ', 'inside']);
  });
});
