import type { ContentText } from 'pdfmake/interfaces';

/**
 * Paragraphs with right-to-left words for pdfmake, which lays every line out from the left in the order the words were
 * written: an Arabic sentence came out with its words back to front (and an Arabic word in English text with its
 * space on the wrong side). Here such a paragraph is broken into lines by this code (the words measured in their
 * fonts), and each line is handed over with its words in the order they are seen, as one line that pdfmake does not
 * break again. Within a word, the font engine (fontkit) puts Arabic letters right to left and joins them.
 *
 * The order follows the Unicode bidirectional algorithm word by word (not its every rule): runs of words of the other
 * direction than the paragraph's keep their own order inside; in a right-to-left paragraph the runs go right to left.
 */

/** A word (no spaces) with its run's style, or a forced line break. */
export interface Token {
  text: string;
  style: Omit<ContentText, 'text'>;
  /** A hard break (Shift+Enter) after which a new line starts. */
  breakAfter?: boolean;
}

export type Direction = 'rtl' | 'ltr' | 'neutral' | 'number';

const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;

/** How a word reads: by its first letter; words of figures and signs only are numbers; anything else is neutral. */
export function wordDirection(word: string): Direction {
  const letter = LETTER.exec(word);
  if (letter) return RTL_LETTER.test(letter[0]) ? 'rtl' : 'ltr';
  return DIGIT.test(word) ? 'number' : 'neutral';
}

/**
 * The words of one line in the order they are drawn from the left, in a paragraph of direction `base`. Words of the
 * other direction form runs; a neutral word between two words of one direction goes with them, else with the
 * paragraph. A number goes with the Latin words next to it in a right-to-left paragraph ("WHO 2026"), and with the
 * Arabic word before it in a left-to-right one (as the Unicode algorithm's Arabic numbers do). Right-to-left runs are
 * drawn words last first; in a right-to-left paragraph, so are the runs.
 */
export function visualOrder<T extends { text: string }>(words: T[], base: 'rtl' | 'ltr' = 'rtl'): T[] {
  const kinds = words.map((word) => wordDirection(word.text));
  const resolved = kinds.map((kind, index): 'rtl' | 'ltr' => {
    if (kind === 'ltr' || kind === 'rtl') return kind;
    const before = previousStrong(kinds, index);
    const after = nextStrong(kinds, index);
    if (kind === 'number') return base === 'rtl' ? (before === 'ltr' || after === 'ltr' ? 'ltr' : 'rtl') : before === 'rtl' ? 'rtl' : 'ltr';
    return before !== null && before === after ? before : base;
  });
  const runs: Array<{ rtl: boolean; words: T[] }> = [];
  words.forEach((word, index) => {
    const rtl = resolved[index] === 'rtl';
    const last = runs[runs.length - 1];
    if (last && last.rtl === rtl) last.words.push(word);
    else runs.push({ rtl, words: [word] });
  });
  const ordered = base === 'rtl' ? runs.reverse() : runs;
  return ordered.flatMap((run) => (run.rtl ? [...run.words].reverse() : run.words));
}

/** The direction of the nearest word with letters before `index`, or null. */
function previousStrong(kinds: Direction[], index: number): 'rtl' | 'ltr' | null {
  for (let i = index - 1; i >= 0; i--) {
    const kind = kinds[i];
    if (kind === 'ltr' || kind === 'rtl') return kind;
  }
  return null;
}

/** The direction of the nearest word with letters after `index`, or null. */
function nextStrong(kinds: Direction[], index: number): 'rtl' | 'ltr' | null {
  for (let i = index + 1; i < kinds.length; i++) {
    const kind = kinds[i];
    if (kind === 'ltr' || kind === 'rtl') return kind;
  }
  return null;
}

/** The words of some text runs, each with its run's style; a run's "\n" (a hard break) ends a line. */
export function tokens(runs: ContentText[]): Token[] {
  const result: Token[] = [];
  for (const { text, ...style } of runs) {
    const lines = String(text).split('\n');
    lines.forEach((line, index) => {
      for (const word of line.split(/\s+/u)) if (word) result.push({ text: word, style });
      if (index < lines.length - 1 && result.length > 0) result[result.length - 1] = { ...result[result.length - 1], breakAfter: true };
    });
  }
  return result;
}

/**
 * The words in lines no wider than `width` (greedy, as pdfmake does), given each word's width and a space's. A word
 * wider than a line has a line of its own. A hard break ends its line.
 */
export function breakLines(words: Token[], widthOf: (word: Token) => number, spaceOf: (word: Token) => number, width: number): Token[][] {
  const lines: Token[][] = [];
  let line: Token[] = [];
  let used = 0;
  for (const word of words) {
    const wide = widthOf(word);
    const gap = line.length > 0 ? spaceOf(line[line.length - 1]) : 0;
    if (line.length > 0 && used + gap + wide > width) {
      lines.push(line);
      line = [];
      used = 0;
    }
    used += (line.length > 0 ? gap : 0) + wide;
    line.push(word);
    if (word.breakAfter) {
      lines.push(line);
      line = [];
      used = 0;
    }
  }
  if (line.length > 0) lines.push(line);
  return lines;
}

/**
 * One line's words as pdfmake text runs, in the order drawn, a space between each two. The font engine draws a
 * right-to-left word's letters from the right, its trailing space included, so that space lands on the word's left:
 * a space goes at the end of the right-to-left word it precedes on the page, else at the end of the word before it
 * when that one reads left to right, else as a run of its own (one run per word in most lines: pdfmake's time grows
 * with the number of runs).
 */
export function lineRuns(line: Token[], base: 'rtl' | 'ltr'): ContentText[] {
  const runs: ContentText[] = [];
  const drawnFromRight = (word: Token) => RTL_LETTER.test(word.text);
  const ordered = visualOrder(line, base);
  ordered.forEach((word, index) => {
    const before = ordered[index - 1];
    if (before && !drawnFromRight(word)) {
      if (drawnFromRight(before)) runs.push({ text: ' ', ...word.style });
      else runs[runs.length - 1] = { ...runs[runs.length - 1], text: `${String(runs[runs.length - 1].text)} ` };
    }
    runs.push({ text: before && drawnFromRight(word) ? `${word.text} ` : word.text, ...word.style });
  });
  return runs;
}
