import { mergeAttributes, Node } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';

export interface ActionItemAttributes {
  /** Stable id, so an observation can cite this very item; null only in documents written before ids existed. */
  itemId: string | null;
  ownerId: string | null;
  ownerName: string | null;
  dueDate: string | null;
  done: boolean;
}

/** The part of a DOM element parseHTML reads; this lib also runs in Node, without DOM types. */
interface ElementAttributes {
  getAttribute(name: string): string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Attribute values as stored in a document a client wrote: anything malformed reads as unset. */
export function readActionItemAttributes(attrs: Record<string, unknown> | undefined): ActionItemAttributes {
  const itemId = typeof attrs?.['itemId'] === 'string' && UUID.test(attrs['itemId']) ? attrs['itemId'] : null;
  const ownerId = typeof attrs?.['ownerId'] === 'string' && UUID.test(attrs['ownerId']) ? attrs['ownerId'] : null;
  const ownerName = typeof attrs?.['ownerName'] === 'string' && attrs['ownerName'].trim() ? attrs['ownerName'].slice(0, 200) : null;
  const dueDate = typeof attrs?.['dueDate'] === 'string' && DATE.test(attrs['dueDate']) ? attrs['dueDate'] : null;
  return { itemId, ownerId, ownerName, dueDate, done: attrs?.['done'] === true };
}

function dataAttribute(name: string) {
  return {
    default: null,
    parseHTML: (element: ElementAttributes) => element.getAttribute(`data-${name}`),
    renderHTML: (attributes: Record<string, unknown>) => {
      const key = name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
      return attributes[key] ? { [`data-${name}`]: String(attributes[key]) } : {};
    },
  };
}

/**
 * A paragraph that is an action item: who owns it and when it is due. Minutes mark action items with it,
 * and the meeting page lists them. Owner and date are plain attributes, shown by the stylesheet.
 */
export const ActionItem = Node.create({
  name: 'actionItem',
  group: 'block',
  content: 'inline*',
  defining: true,
  addAttributes() {
    return {
      itemId: dataAttribute('item-id'),
      ownerId: dataAttribute('owner-id'),
      ownerName: dataAttribute('owner-name'),
      dueDate: dataAttribute('due-date'),
      done: {
        default: false,
        parseHTML: (element: ElementAttributes) => element.getAttribute('data-done') === 'true',
        renderHTML: (attributes: Record<string, unknown>) => (attributes['done'] ? { 'data-done': 'true' } : {}),
      },
    };
  },
  addProseMirrorPlugins() {
    const editor = this.editor;
    // Read-only viewers never write: the server would refuse their changes.
    return [actionItemIdPlugin(() => editor.isEditable)];
  },
  parseHTML() {
    return [{ tag: 'div[data-action-item]' }];
  },
  renderHTML({ HTMLAttributes }) {
    // Its text is its own (no paragraph inside): it takes its direction from it, as paragraphs do.
    return ['div', mergeAttributes({ 'data-action-item': '', dir: 'auto' }, HTMLAttributes), 0];
  },
});

const actionItemIds = new PluginKey('actionItemIds');

/** Action items without an id, or with an id an earlier item already has (a split copies attributes): they get a new one. */
export function actionItemsNeedingIds(doc: ProseMirrorNode): number[] {
  const seen = new Set<string>();
  const positions: number[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name === 'actionItem') {
      const id = readActionItemAttributes(node.attrs).itemId;
      if (!id || seen.has(id)) positions.push(pos);
      else seen.add(id);
    }
    // Text blocks hold only inline content: nothing below them can be an action item.
    return !node.isTextblock;
  });
  return positions;
}

/** Whether any range the transactions changed, in the resulting document, holds an action item. */
export function changesTouchActionItems(transactions: readonly Transaction[], doc: ProseMirrorNode): boolean {
  const ranges: Array<[number, number]> = [];
  transactions.forEach((tr, index) => {
    // Ranges of a later transaction are already in the final document's positions only after the ones that follow.
    const after = transactions.slice(index + 1);
    tr.mapping.maps.forEach((map, step) => {
      map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
        let from = tr.mapping.slice(step + 1).map(newStart, -1);
        let to = tr.mapping.slice(step + 1).map(newEnd, 1);
        for (const later of after) {
          from = later.mapping.map(from, -1);
          to = later.mapping.map(to, 1);
        }
        ranges.push([from, to]);
      });
    });
  });
  return ranges.some(([from, to]) => {
    let found = false;
    doc.nodesBetween(Math.max(0, from), Math.min(doc.content.size, to), (node) => {
      if (node.type.name === 'actionItem') found = true;
      return !found && !node.isTextblock;
    });
    return found;
  });
}

/**
 * Gives every action item a unique id as documents change, including items of documents written before ids
 * existed (the first sync of an editable client fixes those). Two clients fixing the same item converge: Yjs
 * keeps one of the two attribute values.
 */
export function actionItemIdPlugin(isEditable: () => boolean): Plugin {
  return new Plugin({
    key: actionItemIds,
    appendTransaction(transactions: readonly Transaction[], _old, state) {
      if (!isEditable() || !transactions.some((tr) => tr.docChanged) || transactions.some((tr) => tr.getMeta(actionItemIds))) return null;
      // Typing elsewhere (the common case) never looks at the whole document.
      if (!changesTouchActionItems(transactions, state.doc)) return null;
      const positions = actionItemsNeedingIds(state.doc);
      if (positions.length === 0) return null;
      const tr = state.tr.setMeta(actionItemIds, true).setMeta('addToHistory', false);
      for (const pos of positions) {
        const node = state.doc.nodeAt(pos);
        if (node) tr.setNodeMarkup(pos, undefined, { ...node.attrs, itemId: globalThis.crypto.randomUUID() });
      }
      return tr;
    },
  });
}
