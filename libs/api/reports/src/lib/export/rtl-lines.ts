import type { ContentText } from 'pdfmake/interfaces';

/**
 * Text with right-to-left words for pdfmake, which lays every line out from the left in the order the text was
 * written: an Arabic sentence came out with its words back to front (and an Arabic word in English text with its
 * space on the wrong side). Here such a paragraph is broken into lines by this code (words measured in their fonts),
 * and each line is handed over in the order it is seen, as one line that pdfmake does not break again. Within a run
 * of Arabic script, the font engine (fontkit) puts the letters right to left and joins them.
 *
 * The order follows the Unicode bidirectional algorithm on pieces of text rather than characters (not its every
 * rule): words take the direction of their first letter; a number takes the direction of the letters before it
 * (an Arabic number after Arabic, part of the English run after English); spaces and signs between two pieces of one
 * direction go with them, else with the paragraph. Runs of the other direction than the paragraph's keep their own
 * order inside; in a right-to-left paragraph the runs go right to left.
 */

/** A piece of text with its run's style: a word (letters, marks, figures), one sign, a space, or a hard break. */
export interface Token {
  kind: 'word' | 'sign' | 'space' | 'break';
  text: string;
  style: Omit<ContentText, 'text'>;
  /** A piece of a long word: a line may end before it (there is no space there). */
  breakBefore?: boolean;
  /** The font it is drawn in, when not the paragraph's. */
  font?: string;
  /** The direction it is read in, when decided over its whole paragraph (withDirections). */
  direction?: Direction;
}

export type Direction = 'rtl' | 'ltr';

/** Letters of the right-to-left scripts. */
export const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const LETTER = /\p{L}/u;

/**
 * The direction of a text by its first letter, as dir="auto" decides in the editor (figures, Arabic-Indic ones
 * included, and signs do not count); null without letters.
 */
export function textDirection(text: string): Direction | null {
  const first = LETTER.exec(text);
  return first ? (RTL_LETTER.test(first[0]) ? 'rtl' : 'ltr') : null;
}

/**
 * Words (with signs inside them: "45.5", "COVID-19", "don't"; a percent sign after one, Latin or Arabic: "82%", "95٪",
 * which stays on the number's right in either direction), spaces, hard breaks, and any other sign alone.
 */
const PIECES = /(\n)|(\s+)|([\p{L}\p{M}\p{Nd}]+(?:['’.,٫٬:/-][\p{L}\p{M}\p{Nd}]+)*[%٪]?)|([^])/gu;
/**
 * Direction marks (left-to-right, right-to-left, Arabic letter mark): Intl puts them around an Arabic reader's
 * percent signs and dates. This code places the pieces itself, and the fonts have no glyph for them (drawn as boxes).
 */
export const DIRECTION_MARKS = /[\u200E\u200F\u061C]/gu;
/** Longer words are cut in pieces of this many characters, a line may end between them (as pdfmake's own rule). */
const LONG_WORD = 60;
const WORD_PIECE = 30;

/** The pieces of some text runs, each with its run's style (a word split by a change of style is two pieces, no space between). */
export function tokens(runs: ContentText[]): Token[] {
  const result: Token[] = [];
  for (const { text, ...style } of runs) {
    for (const [, hardBreak, space, word, sign] of String(text).replace(DIRECTION_MARKS, '').matchAll(PIECES)) {
      if (hardBreak) result.push({ kind: 'break', text: '', style });
      else if (space) result.push({ kind: 'space', text: ' ', style });
      else if (word && [...word].length > LONG_WORD) {
        const characters = [...word];
        for (let at = 0; at < characters.length; at += WORD_PIECE) {
          result.push({ kind: 'word', text: characters.slice(at, at + WORD_PIECE).join(''), style, ...(at > 0 && { breakBefore: true }) });
        }
      } else if (word) result.push({ kind: 'word', text: word, style });
      else result.push({ kind: 'sign', text: sign, style });
    }
  }
  return result;
}

/**
 * The pieces in lines no wider than `width` (greedy), given each piece's width. Lines end at spaces (the space is not
 * kept at either end), before a piece of a long word, or at a hard break (an empty line is kept); a word wider than a
 * line has a line of its own.
 */
export function breakLines(pieces: Token[], widthOf: (piece: Token) => number, width: number): Token[][] {
  const lines: Token[][] = [];
  let line: Token[] = [];
  let used = 0;
  // The pieces since the last place a line may end, and the space before them.
  let unit: Token[] = [];
  let gap: Token | null = null;
  const place = () => {
    if (unit.length === 0) return;
    const wide = unit.reduce((sum, piece) => sum + widthOf(piece), 0);
    const space = line.length > 0 && gap ? widthOf(gap) : 0;
    if (line.length > 0 && used + space + wide > width) {
      lines.push(line);
      line = [];
      used = 0;
    } else if (line.length > 0 && gap) {
      line.push(gap);
      used += space;
    }
    line.push(...unit);
    used += wide;
    unit = [];
    gap = null;
  };
  for (const piece of pieces) {
    if (piece.kind === 'break') {
      place();
      lines.push(line);
      line = [];
      used = 0;
      gap = null;
    } else if (piece.kind === 'space') {
      place();
      if (line.length > 0) gap = piece;
    } else {
      if (piece.breakBefore) place();
      unit.push(piece);
    }
  }
  place();
  if (line.length > 0 || lines.length === 0) lines.push(line);
  return lines;
}

/** A piece's own direction: a word's by its first letter, or 'number' (figures only); null for spaces and signs. */
function ownDirection(piece: Token): Direction | 'number' | null {
  if (piece.kind !== 'word') return null;
  return textDirection(piece.text) ?? 'number';
}

/**
 * The pieces with the direction each is read in, decided over the whole paragraph before it is broken into lines
 * (as the algorithm does): a sign at a line's end keeps the direction of the words around it in the paragraph
 * ("Progress report, July" broken after the comma showed ",Progress report" in an Arabic table cell).
 */
export function withDirections<T extends Token>(pieces: T[], base: Direction): T[] {
  const resolved = resolveDirections(pieces, base);
  return pieces.map((piece, index) => ({ ...piece, direction: resolved[index] }));
}

/** The pieces of one line in the order they are drawn from the left, in a paragraph of direction `base`. */
export function visualOrder<T extends Token>(pieces: T[], base: Direction): T[] {
  const resolved = pieces.every((piece) => piece.direction) ? pieces.map((piece) => piece.direction as Direction) : resolveDirections(pieces, base);
  const runs: Array<{ direction: Direction; pieces: T[] }> = [];
  pieces.forEach((piece, index) => {
    const last = runs[runs.length - 1];
    if (last && last.direction === resolved[index]) last.pieces.push(piece);
    else runs.push({ direction: resolved[index], pieces: [piece] });
  });
  const ordered = base === 'rtl' ? runs.reverse() : runs;
  return ordered.flatMap((run) => (run.direction === 'rtl' ? [...run.pieces].reverse().map(mirrored) : run.pieces));
}

/** The direction each piece is read in, in a paragraph (or line) of direction `base`. */
function resolveDirections(pieces: Token[], base: Direction): Direction[] {
  const own = pieces.map(ownDirection);
  // Numbers: the direction of the letters before them (the paragraph's at its start).
  let letters: Direction = base;
  const strong = own.map((direction): Direction | null => {
    if (direction === 'rtl' || direction === 'ltr') return (letters = direction);
    if (direction === 'number') return letters === 'ltr' ? 'ltr' : 'rtl';
    return null;
  });
  // Brackets go in pairs (the algorithm's rule N0): a pair takes the paragraph's direction when its inside has a
  // letter of it; else, with letters of the other direction inside and before it too, that direction ("a body
  // (WHO headquarters)" in an Arabic line keeps its brackets with the English words); else they are signs as any.
  const opening: number[] = [];
  pieces.forEach((piece, index) => {
    if (piece.kind !== 'sign') return;
    if (OPENING[piece.text]) opening.push(index);
    else {
      const at = opening.map((open) => OPENING[pieces[open].text]).lastIndexOf(piece.text);
      if (at < 0) return;
      const open = opening[at];
      opening.length = at;
      const inside = new Set(strong.slice(open + 1, index).filter((direction): direction is Direction => direction !== null));
      const other: Direction = base === 'rtl' ? 'ltr' : 'rtl';
      const before = strong.slice(0, open).filter((direction): direction is Direction => direction !== null).pop() ?? base;
      const pair = inside.has(base) ? base : inside.has(other) ? (before === other ? other : base) : null;
      if (pair) strong[open] = strong[index] = pair;
    }
  });
  // Spaces and signs: the direction on both sides when it is the same, else the paragraph's.
  const nearest = (from: number, step: 1 | -1): Direction => {
    for (let i = from + step; i >= 0 && i < strong.length; i += step) {
      const found = strong[i];
      if (found) return found;
    }
    return base;
  };
  return strong.map((direction, index): Direction => {
    if (direction) return direction;
    const before = nearest(index, -1);
    return before === nearest(index, 1) ? before : base;
  });
}

/** Opening brackets, and the bracket that closes each. */
const OPENING: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

/** Brackets that face the other way when read right to left (Unicode's mirrored pairs, the common ones). */
const MIRROR: Record<string, string> = { '(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '<': '>', '>': '<', '«': '»', '»': '«', '‹': '›', '›': '‹' };

/** A sign read right to left, drawn as its mirror image (fontkit draws signs as written). */
function mirrored<T extends Token>(piece: T): T {
  return piece.kind === 'sign' && MIRROR[piece.text] ? { ...piece, text: MIRROR[piece.text] } : piece;
}

/** Whether fontkit draws a text right to left: its first character of a script of its own is a right-to-left one. */
export function drawnFromRight(text: string): boolean {
  const first = /[^\p{Script=Common}\p{Script=Inherited}]/u.exec(text);
  return first !== null && RTL_LETTER.test(first[0]);
}

const FIGURES = /\p{Nd}+(?:[.,٫٬:/]\p{Nd}+)*/gu;

/**
 * A right-to-left piece as fontkit must be given it: fontkit reverses the whole piece, so the figures in it (Arabic-
 * Indic digits, or "19" in "كوفيد-19") are reversed first, to come out in their order.
 */
function forFontkit(text: string): string {
  // Without letters ("95٪": the Arabic percent sign makes fontkit turn it), the whole piece is turned.
  if (textDirection(text) === null) return [...text].reverse().join('');
  return text.replace(FIGURES, (figures) => [...figures].reverse().join(''));
}

/**
 * One line's pieces as pdfmake text runs, in the order drawn. Pieces drawn left to right with the same style make
 * one run; each right-to-left piece is a run of its own (fontkit lays a run out as a whole), and a space drawn just
 * left of it travels at its end, where fontkit draws it: on its left. (pdfmake's time grows with the number of runs.)
 */
export function lineRuns(line: Token[], base: Direction): ContentText[] {
  const runs: ContentText[] = [];
  /** The style each run was made from, and whether fontkit draws it from the right. */
  const made: Array<{ style: Token['style']; font?: string; fromRight: boolean }> = [];
  const ordered = visualOrder(line, base);
  let carried = false;
  ordered.forEach((piece, index) => {
    const fromRight = drawnFromRight(piece.text);
    const right = ordered[index + 1];
    if (piece.kind === 'space' && right && drawnFromRight(right.text) && right.style === piece.style && !piece.font) {
      carried = true;
      return;
    }
    const font = piece.font ? { font: piece.font } : {};
    const last = made[made.length - 1];
    if (fromRight) {
      runs.push({ text: `${forFontkit(piece.text)}${carried ? ' ' : ''}`, ...piece.style, ...font });
      made.push({ style: piece.style, font: piece.font, fromRight });
    } else if (last && !last.fromRight && last.style === piece.style && last.font === piece.font) {
      runs[runs.length - 1].text = `${String(runs[runs.length - 1].text)}${piece.text}`;
    } else {
      runs.push({ text: piece.text, ...piece.style, ...font });
      made.push({ style: piece.style, font: piece.font, fromRight });
    }
    carried = false;
  });
  return runs;
}

/**
 * A one-line text in the order it is seen, for a renderer that places its words (what lies between spaces) from the
 * left and has fontkit lay each out: the SVG renderer pdfmake draws charts with (an Arabic legend came out with its
 * words in the order written, read from the left). fontkit turns a whole word whose first letter of a script of its
 * own is right-to-left, signs and figures with it ("انزياح:" and "95٪" came out with the colon and figures on the
 * wrong side); such a word is handed over turned already, its right-to-left pieces as written, so that fontkit's turn
 * puts every piece where it is seen.
 */
export function seenString(text: string, base: Direction): string {
  const seen = visualOrder(
    tokens([{ text }]).filter((piece) => piece.kind !== 'break'),
    base,
  );
  const words: Token[][] = [[]];
  for (const piece of seen) {
    if (piece.kind === 'space') words.push([piece], []);
    else words[words.length - 1].push(piece);
  }
  return words
    .map((word) => {
      const written = word.map((piece) => piece.text).join('');
      if (!drawnFromRight(written)) return written;
      return [...word]
        .reverse()
        .map((piece) => (drawnFromRight(piece.text) ? forFontkit(piece.text) : [...piece.text].reverse().join('')))
        .join('');
    })
    .join('');
}

/** The plain text of some editor nodes (their words, for finding a block's direction). */
export function plainText(nodes: Array<{ type: string; text?: string; content?: unknown[] }> = []): string {
  return nodes.map((node) => (node.type === 'text' ? (node.text ?? '') : plainText(node.content as typeof nodes))).join('');
}
