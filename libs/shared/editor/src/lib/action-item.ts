import { mergeAttributes, Node } from '@tiptap/core';

export interface ActionItemAttributes {
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
  const ownerId = typeof attrs?.['ownerId'] === 'string' && UUID.test(attrs['ownerId']) ? attrs['ownerId'] : null;
  const ownerName = typeof attrs?.['ownerName'] === 'string' && attrs['ownerName'].trim() ? attrs['ownerName'].slice(0, 200) : null;
  const dueDate = typeof attrs?.['dueDate'] === 'string' && DATE.test(attrs['dueDate']) ? attrs['dueDate'] : null;
  return { ownerId, ownerName, dueDate, done: attrs?.['done'] === true };
}

/** "Action — Amina Otieno, due 2026-12-01: " — the prefix exports put before an action item's text. */
export function actionItemLabel(attrs: Record<string, unknown> | undefined): string {
  const { ownerName, dueDate, done } = readActionItemAttributes(attrs);
  const details = [ownerName, dueDate && `due ${dueDate}`].filter(Boolean).join(', ');
  return `${done ? '[done] ' : ''}Action${details ? ` — ${details}` : ''}: `;
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
  parseHTML() {
    return [{ tag: 'div[data-action-item]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes({ 'data-action-item': '' }, HTMLAttributes), 0];
  },
});
