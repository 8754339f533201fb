import type { Version } from '@simashe/contracts';
import { reportSchema, type DocumentChange, type ProseMirrorJson } from '@simashe/editor';
import { colourFor } from './presence';

export { versionLabel } from './version-label';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** A version of the report, or the text as it is now in the live editor. */
export type CompareSide = string | 'current';

export interface Contributor {
  userId: string;
  name: string;
  changes: number;
}

/** Who changed the report between two points, as far as versions record it. */
export interface Attribution {
  /** Most changes first. */
  contributors: Contributor[];
  /** The comparison includes edits made since the newest version: nobody is recorded for them yet. */
  unrecorded: boolean;
}

/** How additions and removals are coloured: one person's colour, or a neutral colour per kind of change. */
export type Colouring = { kind: 'author'; userId: string; name: string; colour: string } | { kind: 'neutral' };

const time = (version: Version) => Date.parse(version.createdAt);

/** The two sides in time order, whichever was picked first: a comparison always reads from older to newer. */
export function inTimeOrder(versions: Version[], a: string, b: CompareSide): { older: Version; newer: Version | 'current' } | null {
  const first = versions.find((version) => version.id === a);
  if (!first) return null;
  if (b === 'current') return { older: first, newer: 'current' };
  const second = versions.find((version) => version.id === b);
  if (!second) return null;
  return time(second) < time(first) ? { older: second, newer: first } : { older: first, newer: second };
}

/** The newest version, the one the current text continues from. */
export function newestVersion(versions: Version[]): Version | null {
  return versions.reduce<Version | null>((newest, version) => (!newest || time(version) > time(newest) ? version : newest), null);
}

/**
 * Who edited between `older` and `newer`: a version's contributions are the changes made since the version before
 * it, so the versions after `older` up to `newer` hold them all. A restore is its author's change. Compared with the
 * current text, edits after the newest version are in the comparison but in no version yet (`currentMatchesNewest`
 * says whether there are any).
 */
export function attributionBetween(versions: Version[], older: Version, newer: Version | 'current', currentMatchesNewest: boolean): Attribution {
  const end = newer === 'current' ? Infinity : time(newer);
  const byPerson = new Map<string, Contributor>();
  const add = (userId: string, name: string, changes: number) => {
    const known = byPerson.get(userId);
    byPerson.set(userId, { userId, name: known?.name ?? name, changes: (known?.changes ?? 0) + changes });
  };
  const between = versions.filter((version) => time(version) > time(older) && time(version) <= end).sort((x, y) => time(y) - time(x));
  for (const version of between) {
    for (const contribution of version.contributions) add(contribution.userId, contribution.name, contribution.changes);
    if (version.kind === 'restore' && version.createdBy && !byPerson.has(version.createdBy.id)) add(version.createdBy.id, version.createdBy.name, 1);
  }
  return {
    contributors: [...byPerson.values()].sort((x, y) => y.changes - x.changes || x.name.localeCompare(y.name)),
    unrecorded: newer === 'current' && !currentMatchesNewest,
  };
}

/** Only when one person, and nobody unrecorded, edited in between are the changes theirs: then in their colour. */
export function colouring(attribution: Attribution): Colouring {
  const [only, ...others] = attribution.contributors;
  if (!only || others.length > 0 || attribution.unrecorded) return { kind: 'neutral' };
  return { kind: 'author', userId: only.userId, name: only.name, colour: colourFor(only.userId) };
}

/** What the comparison shows, for its summary line: no difference, no words changed, or the counts. */
export type DiffSummary = { kind: 'identical' } | { kind: 'formattingOnly' } | { kind: 'words'; added: number; removed: number };

export function diffSummary(diff: { identical: boolean; changes: unknown[]; wordsAdded: number; wordsRemoved: number }): DiffSummary {
  if (diff.identical) return { kind: 'identical' };
  if (diff.changes.length === 0) return { kind: 'formattingOnly' };
  return { kind: 'words', added: diff.wordsAdded, removed: diff.wordsRemoved };
}

/** "12 words added, 3 removed", "2 words added", "1 word removed", or that only charts changed. */
export function summaryText(summary: { added: number; removed: number }, t: Translate): string {
  const { added, removed } = summary;
  if (added > 0 && removed > 0) {
    return t('history.compare.summary', { added: t('history.compare.wordsAdded', { count: added }), removed: t('history.compare.removedShort', { count: removed }) });
  }
  if (added > 0) return t('history.compare.wordsAdded', { count: added });
  if (removed > 0) return t('history.compare.wordsRemoved', { count: removed });
  return t('history.compare.objectsOnly');
}

/** Where to draw a comparison in the newer document: added text marked, removed text shown where it stood. */
export interface DiffMarks {
  /** `colour`: the author's, when the changes are attributed to one person; otherwise null (neutral colours). */
  inserted: Array<{ from: number; to: number; colour: string | null }>;
  /** Added content without text (a chart): outlined as a whole. */
  insertedNodes: Array<{ from: number; to: number; colour: string | null }>;
  /** `block`: it stood between blocks (a removed paragraph), not inside a line. `objects`: charts removed. */
  deleted: Array<{ at: number; text: string; objects: number; block: boolean; colour: string | null }>;
}

export function diffMarks(doc: ProseMirrorJson, changes: Array<DocumentChange<{ colour: string }>>): DiffMarks {
  const node = reportSchema().nodeFromJSON(doc);
  const marks: DiffMarks = { inserted: [], insertedNodes: [], deleted: [] };
  for (const change of changes) {
    const colour = change.author?.colour ?? null;
    if (change.deleted || change.deletedObjects > 0) {
      const block = !node.resolve(change.from).parent.inlineContent;
      marks.deleted.push({ at: change.from, text: change.deleted, objects: change.deletedObjects, block, colour });
    }
    if (change.to > change.from && change.inserted) marks.inserted.push({ from: change.from, to: change.to, colour });
    if (change.to > change.from && change.insertedObjects > 0) {
      node.nodesBetween(change.from, change.to, (child, pos) => {
        if (child.isLeaf && child.isBlock && pos >= change.from && pos + child.nodeSize <= change.to) marks.insertedNodes.push({ from: pos, to: pos + child.nodeSize, colour });
      });
    }
  }
  return marks;
}
