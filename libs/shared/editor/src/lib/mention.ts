import { mergeAttributes } from '@tiptap/core';
import Mention from '@tiptap/extension-mention';

/** The node's name, as stored in the Yjs document (y-prosemirror keeps it as the XML element's name). */
export const MENTION_NODE = 'mention';

export const MENTION_KINDS = ['user', 'org'] as const;
export type MentionKind = (typeof MENTION_KINDS)[number];

export interface MentionAttributes {
  /** A person (`user`) or an organisation (`org`): the ids the candidates API gives. */
  kind: MentionKind;
  id: string;
  /** The name when it was mentioned: what readers see, kept even if the person is renamed later. */
  label: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Bidi controls and other invisible characters never belong in a name shown inside someone else's paragraph. */
// eslint-disable-next-line no-control-regex
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]/g;

/** Attributes as stored by a client: anything malformed makes the mention unusable (null). */
export function readMentionAttributes(attrs: Record<string, unknown> | undefined | null): MentionAttributes | null {
  const kind = attrs?.['kind'];
  const id = attrs?.['id'];
  const label = typeof attrs?.['label'] === 'string' ? attrs['label'].replace(HIDDEN, '').trim().slice(0, 120) : '';
  if (!(MENTION_KINDS as readonly unknown[]).includes(kind) || typeof id !== 'string' || !UUID.test(id) || !label) return null;
  return { kind: kind as MentionKind, id: id.toLowerCase(), label };
}

/** How a mention reads in plain text (search, Markdown, DOCX, PDF). */
export const mentionText = (attrs: Record<string, unknown> | undefined | null): string => {
  const mention = readMentionAttributes(attrs);
  return mention ? `@${mention.label}` : '';
};

interface ElementAttributes {
  getAttribute(name: string): string | null;
}

/**
 * "@Name" inside a paragraph: a person or an organisation, by id, kind and the name it had. An atom, so it is
 * deleted whole, and rendered in a <bdi> so an Arabic name in an English sentence (or the other way round) keeps its
 * own direction without reordering the words around it. The suggestion popup (which names to offer, the keys) is the
 * browser's: web-reports configures `suggestion`; the API only needs the node. A mention in a report tells the person
 * once (api-reports, through `document.mentioned`).
 */
export const ReportMention = Mention.extend({
  name: MENTION_NODE,
  selectable: false,
  addOptions() {
    const parent = this.parent?.();
    return {
      ...(parent as NonNullable<typeof parent>),
      HTMLAttributes: {},
      renderText: ({ node }) => mentionText(node.attrs),
      renderHTML: ({ node, options }) => [
        'bdi',
        mergeAttributes(options.HTMLAttributes, { class: 'mention', dir: 'auto' }),
        mentionText(node.attrs),
      ],
    };
  },
  addAttributes() {
    const attribute = (name: string) => ({
      default: null,
      parseHTML: (element: ElementAttributes) => element.getAttribute(`data-${name}`),
      renderHTML: (attributes: Record<string, unknown>) => (attributes[name] ? { [`data-${name}`]: String(attributes[name]) } : {}),
    });
    return { id: attribute('id'), kind: attribute('kind'), label: attribute('label') };
  },
  parseHTML() {
    // Pasted mentions (ours, or another Tiptap app's span) count only when well formed: an invisible one never enters.
    const wellFormed = (element: ElementAttributes) =>
      readMentionAttributes({ id: element.getAttribute('data-id'), kind: element.getAttribute('data-kind'), label: element.getAttribute('data-label') }) ? null : false;
    return [
      { tag: `bdi[data-type="${MENTION_NODE}"]`, getAttrs: (node) => wellFormed(node as unknown as ElementAttributes) },
      { tag: `span[data-type="${MENTION_NODE}"]`, getAttrs: (node) => wellFormed(node as unknown as ElementAttributes) },
    ];
  },
  renderHTML({ node, HTMLAttributes }) {
    return ['bdi', mergeAttributes({ 'data-type': MENTION_NODE, class: 'mention', dir: 'auto' }, HTMLAttributes), mentionText(node.attrs)];
  },
  renderText({ node }) {
    return mentionText(node.attrs);
  },
  // Backspace after a mention takes it back to "@" (the parent reads a stored trigger character this node lacks).
  addKeyboardShortcuts() {
    return {
      Backspace: () =>
        this.editor.commands.command(({ tr, state }) => {
          const { empty, anchor } = state.selection;
          if (!empty || anchor === 0) return false;
          const before = state.doc.resolve(anchor).nodeBefore;
          if (before?.type.name !== MENTION_NODE) return false;
          tr.insertText('@', anchor - before.nodeSize, anchor);
          return true;
        }),
    };
  },
});
