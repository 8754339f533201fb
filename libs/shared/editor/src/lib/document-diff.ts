import type { Node } from '@tiptap/pm/model';
import { StepMap } from '@tiptap/pm/transform';
import { ChangeSet, simplifyChanges, type Change, type TokenEncoder } from 'prosemirror-changeset';
import { MENTION_NODE, mentionText } from './mention';
import { reportSchema, safeReportJson } from './schema';
import type { ProseMirrorJson } from './templates';

/** One place where the newer document differs from the older one. */
export interface DocumentChange<Author> {
  /** Where the added content sits in the newer document (`from === to` when the change only removed content). */
  from: number;
  to: number;
  /** The words added, blocks separated by a line break ('' when the change only removed content). */
  inserted: string;
  /** The words removed, as they read in the older document; they stood at `from`. */
  deleted: string;
  /** Content without text (embedded charts) added or removed by this change. */
  insertedObjects: number;
  deletedObjects: number;
  /** Whoever the caller attributed the comparison to; null when not known. */
  author: Author | null;
}

export interface DocumentDiff<Author> {
  /** The newer document, cleaned by the report schema: change positions point into it. */
  doc: ProseMirrorJson;
  /** In document order. Empty when only formatting or attributes differ. */
  changes: Array<DocumentChange<Author>>;
  wordsAdded: number;
  wordsRemoved: number;
  /** The two documents are exactly the same, formatting and attributes included. */
  identical: boolean;
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:['’\-.][\p{L}\p{M}\p{N}]+)*/gu;

/** Words in a piece of text, in any script that separates words with spaces or punctuation. */
export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** The same document once read through the report schema, formatting and attributes included. */
export function sameDocument(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const schema = reportSchema();
  return schema.nodeFromJSON(safeReportJson(a)).eq(schema.nodeFromJSON(safeReportJson(b)));
}

interface Range {
  fromA: number;
  toA: number;
  fromB: number;
  toB: number;
  author: unknown;
}

/**
 * What changed from one report document to another, word by word: additions with their place in the newer
 * document, removals with their old text and where they stood. Both documents are read through the report schema
 * (what it does not know is dropped first). Text and structure are compared, formatting (bold, links) and
 * attributes (heading levels, action-item owners) are not: documents differing only there have no changes but are
 * not `identical`.
 *
 * `author` is attached to every change as is: two snapshots do not say who typed what, so attribution is what the
 * caller knows about the whole span between them (say, the one person who edited in between).
 */
export function diffDocuments<Author = never>(
  oldJson: Record<string, unknown>,
  newJson: Record<string, unknown>,
  options: { author?: Author } = {},
): DocumentDiff<Author> {
  const schema = reportSchema();
  const newClean = safeReportJson(newJson);
  const oldDoc = schema.nodeFromJSON(safeReportJson(oldJson));
  const newDoc = schema.nodeFromJSON(newClean);
  const none: DocumentDiff<Author> = { doc: newClean, changes: [], wordsAdded: 0, wordsRemoved: 0, identical: true };
  if (oldDoc.eq(newDoc)) return none;

  const oldTokens = tokens(oldDoc);
  const newTokens = tokens(newDoc);
  const segments = changedSegments(oldDoc, newDoc, oldTokens, newTokens);
  const author = options.author ?? null;
  let ranges: Range[];
  try {
    // Each segment is one step, applied in order (so it starts where the new document has it); prosemirror-changeset
    // diffs inside each, token by token, and keeps only what really differs.
    const steps = segments.map((segment) => new StepMap([segment.fromB, segment.toA - segment.fromA, segment.toB - segment.fromB]));
    const set = ChangeSet.create<unknown>(oldDoc, undefined, TOKENS).addSteps(newDoc, steps, steps.map(() => author));
    // Simplified (grown to whole words where a word is partly replaced) segment by segment: across two segments,
    // simplifyChanges can miss the block boundary between them and merge a paragraph's edit with the next block.
    const bySegment = segments.map(() => [] as Change[]);
    let segment = 0;
    for (const change of set.changes) {
      while (segment < segments.length - 1 && change.fromB > segments[segment].toB) segment++;
      bySegment[segment].push(change);
    }
    const simplified = bySegment.flatMap((changes) =>
      simplifyChanges(changes, newDoc).map(({ fromA, toA, fromB, toB, inserted, deleted }) => ({
        fromA,
        toA,
        fromB,
        toB,
        author: (inserted[0] ?? deleted[0])?.data ?? null,
      })),
    );
    ranges = alignToBlocks(simplified, oldDoc, newDoc, oldTokens, newTokens);
  } catch {
    // prosemirror-changeset gives up on some very large stretches (beyond 10,000 tokens): show them whole.
    ranges = segments.map((segment) => ({ ...segment, author }));
  }
  const changes = wholeWords(ranges, oldTokens, newTokens)
    .map((range): DocumentChange<Author> => {
      const inserted = textOf(newDoc, range.fromB, range.toB);
      const deleted = textOf(oldDoc, range.fromA, range.toA);
      return {
        from: range.fromB,
        to: range.toB,
        inserted: inserted.text,
        deleted: deleted.text,
        insertedObjects: inserted.objects,
        deletedObjects: deleted.objects,
        author: range.author as Author | null,
      };
    })
    // Wrappers alone (a new table's rows around cells counted on their own, an empty paragraph): nothing to show.
    .filter((change) => change.inserted || change.deleted || change.insertedObjects || change.deletedObjects);
  return {
    doc: newClean,
    changes,
    wordsAdded: changes.reduce((sum, change) => sum + countWords(change.inserted), 0),
    wordsRemoved: changes.reduce((sum, change) => sum + countWords(change.deleted), 0),
    identical: false,
  };
}

/** prosemirror-changeset's own tokens, except that a mention is told apart by whom it names. */
const TOKENS: TokenEncoder<unknown> = {
  encodeCharacter: (char) => char,
  encodeNodeStart: (node) => (node.type.name === MENTION_NODE ? `${MENTION_NODE} ${String(node.attrs['kind'])}:${String(node.attrs['id'])}` : node.type.name),
  encodeNodeEnd: (node) => `/${node.type.name}`,
  compareTokens: (a, b) => a === b,
};

function textOf(doc: Node, from: number, to: number): { text: string; objects: number } {
  let objects = 0;
  const text = doc.textBetween(from, to, '\n', (leaf) => {
    if (leaf.type.name === 'hardBreak') return '\n';
    if (leaf.type.name === MENTION_NODE) return mentionText(leaf.attrs);
    objects += 1;
    return '';
  });
  return { text: text.replace(/^\n+|\n+$/g, ''), objects };
}

/** One token per position, as prosemirror-changeset compares them: a character, a node's start or end (marks ignored). */
function tokens(doc: Node): string[] {
  const out: string[] = [];
  const walk = (node: Node) => {
    node.forEach((child) => {
      // UTF-16 units, as positions count them.
      if (child.isText) out.push(...(child.text ?? '').split(''));
      // A mention of someone else is another token: replacing one person by another is a change.
      else if (child.type.name === MENTION_NODE) out.push(`<${MENTION_NODE} ${String(child.attrs['kind'])}:${String(child.attrs['id'])}/>`);
      else if (child.isLeaf) out.push(`<${child.type.name}/>`);
      else {
        out.push(`<${child.type.name}>`);
        walk(child);
        out.push(`</${child.type.name}>`);
      }
    });
  };
  walk(doc);
  return out;
}

const isWordToken = (token: string | undefined) => token !== undefined && token.length === 1 && /[\p{L}\p{M}\p{N}]/u.test(token);

/**
 * prosemirror-changeset leaves a one-character replacement as it is ("1[2→5]0"): a reader compares whole words
 * ("120" → "150"), so a replacement that starts or ends inside a word grows to the whole word.
 */
function wholeWords(ranges: Range[], oldTokens: string[], newTokens: string[]): Range[] {
  const out: Range[] = [];
  ranges.forEach((range, index) => {
    let { fromA, toA, fromB, toB } = range;
    if (fromA < toA && fromB < toB) {
      const floor = out[index - 1]?.toA ?? 0;
      const ceiling = ranges[index + 1]?.fromA ?? oldTokens.length;
      while (fromA > floor && isWordToken(newTokens[fromB - 1]) && oldTokens[fromA - 1] === newTokens[fromB - 1]) [fromA, fromB] = [fromA - 1, fromB - 1];
      while (toA < ceiling && isWordToken(newTokens[toB]) && oldTokens[toA] === newTokens[toB]) [toA, toB] = [toA + 1, toB + 1];
    }
    out.push({ ...range, fromA, toA, fromB, toB });
  });
  return out;
}

/** How good a place a position is for a change to start or end: between blocks, then between words. */
function boundaryScore(doc: Node, tokenList: string[], pos: number): number {
  if (pos <= 0 || pos >= doc.content.size) return 4;
  if (!doc.resolve(pos).parent.inlineContent) return 4;
  const before = tokenList[pos - 1];
  const after = tokenList[pos];
  if (!isWordToken(before) || !isWordToken(after)) return /\s/.test(before ?? '') || /\s/.test(after ?? '') ? 2 : 1;
  return 0;
}

/**
 * A pure addition or removal next to repeated content can sit at several equivalent places ("Two.</p><p>T" or
 * "<p>Two.</p>" when removing the paragraph "Two." before "Three."); the diff finds one of them. Slide each to the
 * place whose edges are best boundaries, so whole paragraphs, rows and words read as changed.
 */
function alignToBlocks(ranges: Range[], oldDoc: Node, newDoc: Node, oldTokens: string[], newTokens: string[]): Range[] {
  const out: Range[] = [];
  ranges.forEach((range, index) => {
    const deletion = range.fromB === range.toB && range.fromA < range.toA;
    const insertion = range.fromA === range.toA && range.fromB < range.toB;
    if (!deletion && !insertion) {
      out.push(range);
      return;
    }
    const [doc, list, from, to] = deletion ? [oldDoc, oldTokens, range.fromA, range.toA] : [newDoc, newTokens, range.fromB, range.toB];
    // Only across unchanged content: never into the neighbouring changes.
    const previous = out[index - 1];
    const next = ranges[index + 1];
    const floor = previous ? (deletion ? previous.toA : previous.toB) : 0;
    const ceiling = next ? (deletion ? next.fromA : next.fromB) : list.length;
    let left = 0;
    while (from - left - 1 >= floor && list[from - left - 1] === list[to - left - 1]) left++;
    let right = 0;
    while (to + right < ceiling && list[from + right] === list[to + right]) right++;
    let best = 0;
    let bestScore = -1;
    for (let shift = -left; shift <= right; shift++) {
      const score = boundaryScore(doc, list, from + shift) + boundaryScore(doc, list, to + shift);
      if (score > bestScore) [best, bestScore] = [shift, score];
    }
    out.push({ ...range, fromA: range.fromA + best, toA: range.toA + best, fromB: range.fromB + best, toB: range.toB + best });
  });
  return out;
}

/** A block that holds text (paragraph, heading, table cell's paragraph) or stands alone (a chart). */
interface Block {
  start: number;
  end: number;
  /** Its text's range, for blocks holding text. */
  inner: { from: number; to: number } | null;
  type: string;
  /** Same content in the same kind of place (same number in both documents): unchanged. */
  key: number;
  /** Same place in the document (e.g. the same table cell): a candidate for a change in place. */
  slot: string;
  /** Its words, lower-cased, with how often each occurs. */
  words: Map<string, number>;
  wordCount: number;
}

function blocks(doc: Node, list: string[], keys: Map<string, number>): Block[] {
  const out: Block[] = [];
  const walk = (parent: Node, offset: number, path: string, place: string) => {
    parent.forEach((node, childOffset, index) => {
      const pos = offset + childOffset;
      if (!node.isTextblock && !(node.isBlock && node.isLeaf)) {
        walk(node, pos + 1, `${path}>${node.type.name}`, `${place}.${index}`);
        return;
      }
      const content = node.isLeaf ? JSON.stringify(node.toJSON()) : list.slice(pos + 1, pos + node.nodeSize - 1).join('\u0000');
      const key = `${path}>${node.type.name}|${content}`;
      if (!keys.has(key)) keys.set(key, keys.size);
      const wordList = node.textContent.toLowerCase().match(WORD) ?? [];
      const words = new Map<string, number>();
      for (const word of wordList) words.set(word, (words.get(word) ?? 0) + 1);
      out.push({
        start: pos,
        end: pos + node.nodeSize,
        inner: node.isTextblock ? { from: pos + 1, to: pos + node.nodeSize - 1 } : null,
        type: node.type.name,
        key: keys.get(key)!,
        slot: `${place}.${index}>${node.type.name}`,
        words,
        wordCount: wordList.length,
      });
    });
  };
  walk(doc, 0, 'doc', '');
  return out;
}

/** Pairs (i, j) in order maximising the summed score, a pair only where `score` is not null. */
function align<T>(a: T[], b: T[], score: (x: T, y: T) => number | null): Array<[number, number]> {
  // Single precision keeps the table small (a few MB at most); every comparison below rounds the same way.
  const best = Array.from({ length: a.length + 1 }, () => new Float32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--) {
      const pair = score(a[i], b[j]);
      best[i][j] = Math.max(best[i + 1][j], best[i][j + 1], pair === null ? -Infinity : pair + best[i + 1][j + 1]);
    }
  const pairs: Array<[number, number]> = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    const pair = score(a[i], b[j]);
    if (pair !== null && best[i][j] === Math.fround(pair + best[i + 1][j + 1])) pairs.push([i++, j++]);
    else if (best[i][j] === best[i + 1][j]) i++;
    else j++;
  }
  return pairs;
}

/** Dice coefficient of the two blocks' words: 1 for the same words, 0 for none in common. */
function similarity(a: Block, b: Block): number {
  if (a.wordCount === 0 && b.wordCount === 0) return 1;
  const [small, large] = a.words.size <= b.words.size ? [a.words, b.words] : [b.words, a.words];
  let common = 0;
  for (const [word, count] of small) common += Math.min(count, large.get(word) ?? 0);
  return (2 * common) / (a.wordCount + b.wordCount);
}

/** Changed blocks to compare word by word: the most similar of the same type, or the one in the same place. */
function pairChangedBlocks(gapA: Block[], gapB: Block[]): Array<[number, number]> {
  if (gapA.length * gapB.length > MAX_ALIGNMENT_CELLS) {
    // Too many to weigh each against each: only blocks in the same place, in order.
    const slots = new Map(gapB.map((block, index) => [block.slot, index]));
    const pairs: Array<[number, number]> = [];
    gapA.forEach((block, i) => {
      const j = slots.get(block.slot);
      if (j !== undefined && block.inner && gapB[j].inner && (pairs.length === 0 || j > pairs[pairs.length - 1][1])) pairs.push([i, j]);
    });
    return pairs;
  }
  const single = gapA.length === 1 && gapB.length === 1;
  return align(gapA, gapB, (x, y) => {
    if (!x.inner || !y.inner || x.type !== y.type) return null;
    const score = similarity(x, y);
    const samePlace = x.slot === y.slot;
    // Tiny bonus: among equals, pairing beats leaving both unpaired.
    return score >= 0.4 || single || samePlace ? score + (samePlace ? 0.5 : 0) + 0.01 : null;
  });
}

// Tables of more cells than this are not built: unique blocks anchor the alignment instead, or pairing is by place.
const MAX_ALIGNMENT_CELLS = 250_000;
// prosemirror-changeset merges step by step, in time growing with the square of their number.
const MAX_SEGMENTS = 300;

/**
 * The longest run of unchanged blocks, as index pairs: equal ends first, then blocks that occur once in each
 * (patience diff) to split what is left, and a table for stretches small enough.
 */
function commonBlocks(a: number[], b: number[], offA = 0, offB = 0, out: Array<[number, number]> = []): Array<[number, number]> {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) out.push([offA + head, offB + head++]);
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const [startA, startB] = [offA + head, offB + head];
  if (midA.length > 0 && midB.length > 0) {
    const anchors = midA.length * midB.length <= MAX_ALIGNMENT_CELLS ? [] : uniqueAnchors(midA, midB);
    if (anchors.length === 0) {
      if (midA.length * midB.length <= MAX_ALIGNMENT_CELLS)
        for (const [i, j] of align(midA, midB, (x, y) => (x === y ? 1 : null))) out.push([startA + i, startB + j]);
    } else {
      let [i0, j0] = [0, 0];
      for (const [i, j] of anchors) {
        commonBlocks(midA.slice(i0, i), midB.slice(j0, j), startA + i0, startB + j0, out);
        out.push([startA + i, startB + j]);
        [i0, j0] = [i + 1, j + 1];
      }
      commonBlocks(midA.slice(i0), midB.slice(j0), startA + i0, startB + j0, out);
    }
  }
  for (let k = tail; k > 0; k--) out.push([offA + a.length - k, offB + b.length - k]);
  return out;
}

/** Keys found exactly once in each list, paired, keeping the longest run in the same order in both. */
function uniqueAnchors(a: number[], b: number[]): Array<[number, number]> {
  const count = (list: number[]) => list.reduce((map, key) => map.set(key, (map.get(key) ?? 0) + 1), new Map<number, number>());
  const [inA, inB] = [count(a), count(b)];
  const whereB = new Map(b.map((key, j) => [key, j]));
  const candidates = a.flatMap((key, i) => (inA.get(key) === 1 && inB.get(key) === 1 ? [[i, whereB.get(key)!] as [number, number]] : []));
  // Longest increasing run of B positions (patience sorting), candidates already in A order.
  const tails: number[] = [];
  const previous: number[] = [];
  candidates.forEach(([, j], index) => {
    let [low, high] = [0, tails.length];
    while (low < high) {
      const mid = (low + high) >> 1;
      if (candidates[tails[mid]][1] < j) low = mid + 1;
      else high = mid;
    }
    previous[index] = low > 0 ? tails[low - 1] : -1;
    tails[low] = index;
  });
  const run: Array<[number, number]> = [];
  for (let index = tails.length ? tails[tails.length - 1] : -1; index >= 0; index = previous[index]) run.unshift(candidates[index]);
  return run;
}

/**
 * The stretches that differ, as [fromA, toA) in the old document and [fromB, toB) in the new one. Blocks are
 * matched first (unchanged ones by content, then changed ones to the most similar block, or the one in the same
 * place), so that words are only ever compared with the block they were edited in: a token diff of the whole
 * document happily matches the end of one paragraph with the end of another.
 */
function changedSegments(oldDoc: Node, newDoc: Node, oldTokens: string[], newTokens: string[]) {
  const segments: Array<{ fromA: number; toA: number; fromB: number; toB: number }> = [];
  const push = (fromA: number, toA: number, fromB: number, toB: number) => {
    while (fromA < toA && fromB < toB && oldTokens[fromA] === newTokens[fromB]) [fromA, fromB] = [fromA + 1, fromB + 1];
    while (toA > fromA && toB > fromB && oldTokens[toA - 1] === newTokens[toB - 1]) [toA, toB] = [toA - 1, toB - 1];
    if (fromA < toA || fromB < toB) segments.push({ fromA, toA, fromB, toB });
  };
  const keys = new Map<string, number>();
  const a = blocks(oldDoc, oldTokens, keys);
  const b = blocks(newDoc, newTokens, keys);
  const anchors = commonBlocks(
    a.map((block) => block.key),
    b.map((block) => block.key),
  );
  let [cursorA, cursorB, nextA, nextB] = [0, 0, 0, 0];
  for (const [i, j] of [...anchors, [a.length, b.length] as [number, number]]) {
    const [gapA, gapB] = [a.slice(nextA, i), b.slice(nextB, j)];
    for (const [p, q] of pairChangedBlocks(gapA, gapB)) {
      const [x, y] = [gapA[p].inner!, gapB[q].inner!];
      push(cursorA, x.from, cursorB, y.from);
      push(x.from, x.to, y.from, y.to);
      [cursorA, cursorB] = [x.to, y.to];
    }
    push(cursorA, i < a.length ? a[i].start : oldDoc.content.size, cursorB, j < b.length ? b[j].start : newDoc.content.size);
    if (i < a.length) [cursorA, cursorB] = [a[i].end, b[j].end];
    [nextA, nextB] = [i + 1, j + 1];
  }
  // Very many: neighbours merge into fewer, larger stretches (the token diff inside each still finds the words).
  const group = Math.ceil(segments.length / MAX_SEGMENTS);
  if (group <= 1) return segments;
  return Array.from({ length: Math.ceil(segments.length / group) }, (_, k) => {
    const [first, last] = [segments[k * group], segments[Math.min(segments.length, (k + 1) * group) - 1]];
    return { fromA: first.fromA, toA: last.toA, fromB: first.fromB, toB: last.toB };
  });
}
