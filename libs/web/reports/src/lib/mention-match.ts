import type { Range } from '@tiptap/core';

/** What @tiptap/suggestion found after the "@": its range in the document, the typed name, and the text with "@". */
export interface MentionMatch {
  range: Range;
  query: string;
  text: string;
}

/** Letters (any script, with their marks), digits, spaces, dots, apostrophes and hyphens: what names are made of. */
const NAME = /^[\p{L}\p{N}\p{M} .'’-]{0,40}$/u;

/**
 * The name being typed after "@", as far as the cursor: the suggestion plugin (with spaces allowed, since names have
 * them) reads on to the end of the paragraph, so typing "@" in the middle of a sentence would take the rest of the
 * sentence as the name. Anything that is no longer a name (a space right after "@", two spaces, punctuation, over 40
 * characters) ends the suggestion.
 */
export function mentionMatchUpToCursor(match: MentionMatch | null, cursor: number): MentionMatch | null {
  if (!match || cursor < match.range.from + 1) return null;
  const end = Math.min(match.range.to, cursor);
  const text = match.text.slice(0, end - match.range.from);
  const query = text.slice(1);
  if (!NAME.test(query) || /^\s|\s{2}/u.test(query)) return null;
  return { range: { from: match.range.from, to: end }, query, text };
}

/**
 * Where the list of names goes along the window's height: under the "@" when it fits below, else above it when it fits
 * there. The list is fixed to the window, so scrolling the page would not bring it into view. When it fits on neither
 * side it goes where there is more room, from the window's top edge if that is above.
 */
export function mentionMenuTop(caret: { top: number; bottom: number }, menuHeight: number, windowHeight: number, gap = 4): number {
  const below = caret.bottom + gap;
  if (below + menuHeight <= windowHeight) return below;
  const above = caret.top - gap - menuHeight;
  if (above >= 0) return above;
  return caret.top > windowHeight - caret.bottom ? 0 : below;
}
