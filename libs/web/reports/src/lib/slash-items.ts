import type { Editor, Range } from '@tiptap/core';

/** The blocks the "/" menu inserts, in its order. Each id is also its label's key under `editor.slash`. */
export const SLASH_ITEMS = [
  { id: 'paragraph', keywords: ['text', 'paragraph', 'p'] },
  { id: 'heading1', keywords: ['title', 'h1'] },
  { id: 'heading2', keywords: ['heading', 'h2'] },
  { id: 'heading3', keywords: ['subheading', 'h3'] },
  { id: 'bulletList', keywords: ['bullet', 'list', 'ul'] },
  { id: 'orderedList', keywords: ['numbered', 'ordered', 'list', 'ol'] },
  { id: 'table', keywords: ['table', 'grid'] },
  { id: 'quote', keywords: ['quote', 'blockquote'] },
  { id: 'actionItem', keywords: ['action', 'task', 'todo'] },
  { id: 'chart', keywords: ['chart', 'graph', 'measure'] },
  { id: 'image', keywords: ['image', 'picture', 'photo', 'img'] },
] as const;

export type SlashItem = (typeof SLASH_ITEMS)[number];
export type SlashItemId = SlashItem['id'];

/** The i18n key of an item's label: `editor.slash.<id>`, except images, whose words live with the rest of theirs. */
export function slashLabelKey(id: SlashItemId): string {
  return id === 'image' ? 'reportImages.slash' : `editor.slash.${id}`;
}

/** Lower case, without accents: "Título" is found by "titulo". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

/**
 * The items whose label (in the reader's language) or English keyword matches what was typed after "/":
 * labels starting with it first, then labels with a word starting with it, then any other match, each in menu order.
 */
export function filterSlashItems(query: string, label: (id: SlashItemId) => string, items: readonly SlashItem[] = SLASH_ITEMS): SlashItem[] {
  const wanted = fold(query.trim());
  if (!wanted) return [...items];
  const rank = (item: SlashItem): number => {
    const name = fold(label(item.id));
    if (name.startsWith(wanted)) return 0;
    if (name.split(/\s+/).some((word) => word.startsWith(wanted))) return 1;
    if (item.keywords.some((keyword) => keyword.startsWith(wanted))) return 2;
    if (name.includes(wanted)) return 3;
    return -1;
  };
  return items
    .map((item, index) => ({ item, index, rank: rank(item) }))
    .filter((entry) => entry.rank >= 0)
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((entry) => entry.item);
}

/**
 * Replaces the typed "/query" with the chosen block; a chart is chosen in the chart tools (`openCharts`), an image
 * in the file picker (`openImage`; the upload inserts it at the cursor).
 */
export function runSlashItem(editor: Editor, range: Range, id: SlashItemId, openCharts: () => void, openImage?: () => void): void {
  const chain = editor.chain().focus().deleteRange(range);
  switch (id) {
    case 'image':
      chain.run();
      openImage?.();
      return;
    case 'chart':
      chain.run();
      openCharts();
      return;
    case 'paragraph':
      chain.setParagraph().run();
      return;
    case 'heading1':
    case 'heading2':
    case 'heading3':
      chain.setHeading({ level: Number(id.slice(-1)) as 1 | 2 | 3 }).run();
      return;
    case 'bulletList':
      chain.toggleBulletList().run();
      return;
    case 'orderedList':
      chain.toggleOrderedList().run();
      return;
    case 'table':
      chain.insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run();
      return;
    case 'quote':
      chain.toggleBlockquote().run();
      return;
    case 'actionItem':
      chain.setNode('actionItem').run();
      return;
  }
}
