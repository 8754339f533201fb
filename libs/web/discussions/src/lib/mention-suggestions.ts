import { MENTION_PATTERN, type MentionCandidate } from '@simashe/contracts';

/** A person or organisation chosen in the composer; the text shows "@name", the server gets the token. */
export type ChosenMention = Pick<MentionCandidate, 'kind' | 'id' | 'name'>;

/**
 * The name being typed after "@", if the cursor is right after one: where it starts (the "@") and what was typed.
 * An "@" inside a word (an email address) starts nothing.
 */
export function mentionQuery(text: string, cursor: number): { start: number; query: string } | null {
  const before = text.slice(0, cursor);
  const match = /(?:^|\s)@([\p{L}\p{N}\p{M} .'-]{0,40})$/u.exec(before);
  if (!match) return null;
  // Two spaces in a row, or a space right after "@", is no longer a name.
  if (/^\s|\s{2}/u.test(match[1])) return null;
  return { start: cursor - match[1].length - 1, query: match[1] };
}

/** Text with "@name" for every chosen mention still written out in full: the text a person sees and edits. */
export function displayText(body: string): { text: string; mentions: ChosenMention[] } {
  const mentions = new Map<string, ChosenMention>();
  const text = body.replace(new RegExp(MENTION_PATTERN.source, 'g'), (_token, name: string, kind: ChosenMention['kind'], id: string) => {
    mentions.set(`${kind}:${id}`, { kind, id, name });
    return `@${name}`;
  });
  return { text, mentions: [...mentions.values()] };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Where each chosen mention still stands in the text as "@name" (not followed by more letters of a longer word):
 * a mention whose name was edited or deleted is gone. Longer names first, so "@Ana Lima" is not read as "@Ana".
 */
function mentionSpans(text: string, mentions: ChosenMention[]): Array<{ from: number; to: number; mention: ChosenMention }> {
  const spans: Array<{ from: number; to: number; mention: ChosenMention }> = [];
  const taken = (from: number, to: number) => spans.some((span) => from < span.to && to > span.from);
  for (const mention of [...mentions].sort((a, b) => b.name.length - a.name.length)) {
    const pattern = new RegExp(`@${escapeRegExp(mention.name)}(?![\\p{L}\\p{N}\\p{M}])`, 'gu');
    for (const match of text.matchAll(pattern)) {
      const from = match.index;
      const to = from + match[0].length;
      if (!taken(from, to)) spans.push({ from, to, mention });
    }
  }
  return spans.sort((a, b) => a.from - b.from);
}

/** The chosen mentions still in the text, each once, in the order they appear. */
export function mentionsInText(text: string, mentions: ChosenMention[]): ChosenMention[] {
  const seen = new Map<string, ChosenMention>();
  for (const { mention } of mentionSpans(text, mentions)) seen.set(`${mention.kind}:${mention.id}`, mention);
  return [...seen.values()];
}

/** What is sent to the server: each "@name" of a chosen mention becomes the token the server reads (`@[name](kind:id)`). */
export function serialiseMentions(text: string, mentions: ChosenMention[]): string {
  let out = '';
  let last = 0;
  for (const { from, to, mention } of mentionSpans(text, mentions)) {
    out += `${text.slice(last, from)}@[${mention.name.replace(/[\]\n]/g, ' ')}](${mention.kind}:${mention.id})`;
    last = to;
  }
  return out + text.slice(last);
}

/** Replaces the "@query" being typed (from `start` to the cursor) with "@name " and says where the cursor goes. */
export function insertMention(text: string, start: number, cursor: number, name: string): { text: string; cursor: number } {
  const inserted = `@${name} `;
  // A space already after the cursor is kept rather than doubled.
  const rest = text.slice(cursor).replace(/^ /, '');
  return { text: `${text.slice(0, start)}${inserted}${rest}`, cursor: start + inserted.length };
}

/** The keys a suggestion list answers while it is open, and what they do. */
export type ListboxAction = { type: 'move'; active: number } | { type: 'choose'; index: number } | { type: 'close' } | null;

/**
 * ArrowDown/ArrowUp move (wrapping round), Enter and Tab choose the highlighted option, Escape closes; anything
 * else (Home and End too: they move the caret) and every key while the list is empty is left to the text box.
 */
export function listboxKey(key: string, active: number, count: number, modifiers: { shift?: boolean; ctrl?: boolean; alt?: boolean; meta?: boolean } = {}): ListboxAction {
  if (key === 'Escape') return { type: 'close' };
  if (count === 0 || modifiers.alt || modifiers.ctrl || modifiers.meta) return null;
  const current = Math.min(Math.max(active, 0), count - 1);
  switch (key) {
    case 'ArrowDown':
      return { type: 'move', active: (current + 1) % count };
    case 'ArrowUp':
      return { type: 'move', active: (current - 1 + count) % count };
    case 'Enter':
      return { type: 'choose', index: current };
    case 'Tab':
      return modifiers.shift ? null : { type: 'choose', index: current };
    default:
      return null;
  }
}
