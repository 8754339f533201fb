import { changesTouchActionItems, readActionItemAttributes } from '@simashe/editor';
import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

const key = new PluginKey<DecorationSet>('actionItemDueDates');

/**
 * Each action item with a due date, as the reader's language writes the day (`data-due-text`, which the stylesheet
 * shows): the document holds "2026-03-15" for everyone.
 */
export function dueDateDecorations(doc: ProseMirrorNode, format: (day: string) => string): DecorationSet {
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name === 'actionItem') {
      const { dueDate } = readActionItemAttributes(node.attrs);
      if (dueDate) decorations.push(Decoration.node(pos, pos + node.nodeSize, { 'data-due-text': format(dueDate) }));
    }
    // Text blocks hold only inline content: nothing below them can be an action item.
    return !node.isTextblock;
  });
  return DecorationSet.create(doc, decorations);
}

/** Action items' due dates in the reader's language (`format` is asked whenever they are written again). */
export const ActionItemDueDates = Extension.create<{ format: (day: string) => string }>({
  name: 'actionItemDueDates',
  addOptions: () => ({ format: (day: string) => day }),
  addProseMirrorPlugins() {
    const format = (day: string) => this.options.format(day);
    return [
      new Plugin<DecorationSet>({
        key,
        state: {
          init: (_config, state) => dueDateDecorations(state.doc, format),
          // Typing elsewhere only moves them; a change to an action item (its date, itself) writes them again.
          apply: (tr, previous) => (!tr.docChanged ? previous : changesTouchActionItems([tr], tr.doc) ? dueDateDecorations(tr.doc, format) : previous.map(tr.mapping, tr.doc)),
        },
        props: { decorations: (state) => key.getState(state) },
      }),
    ];
  },
});
