import { reportExtensions, type ProseMirrorJson } from '@simashe/editor';
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { EditorContent, useEditor } from '@tiptap/react';
import { withLiveCharts } from './chart-embeds';
import type { DiffMarks } from './compare-logic';

/** One author's colour, through the variable the stylesheet reads (neutral colours without it). */
const colourStyle = (colour: string | null) => (colour ? { style: `--diff-colour: ${colour}` } : {});

interface DiffHighlightOptions {
  marks: DiffMarks;
  /** Shown in place of removed content that had no words (a chart). */
  removedObject: string;
}

/**
 * Draws a comparison on the newer text: additions inside <ins>, removals as <del> where they stood. Screen readers
 * announce neither element, so the view's stylesheet names them (labels in CSS variables, see `.diff-view`).
 */
const DiffHighlights = Extension.create<DiffHighlightOptions>({
  name: 'diffHighlights',
  addOptions: () => ({ marks: { inserted: [], insertedNodes: [], deleted: [] }, removedObject: '' }),
  addProseMirrorPlugins() {
    const { marks, removedObject } = this.options;
    return [
      new Plugin({
        key: new PluginKey('diffHighlights'),
        state: {
          init: (_, state) =>
            DecorationSet.create(state.doc, [
              ...marks.inserted.map((range) => Decoration.inline(range.from, range.to, { nodeName: 'ins', class: 'diff-ins', ...colourStyle(range.colour) })),
              ...marks.insertedNodes.map((range) => Decoration.node(range.from, range.to, { class: 'diff-ins-node', ...colourStyle(range.colour) })),
              ...marks.deleted.map((removal, index) =>
                Decoration.widget(
                  removal.at,
                  () => {
                    const element = document.createElement('del');
                    element.className = removal.block ? 'diff-del diff-del-block' : 'diff-del';
                    element.textContent = [removal.text, removal.objects > 0 ? `[${removedObject}]` : ''].filter(Boolean).join(' ');
                    if (removal.colour) element.style.setProperty('--diff-colour', removal.colour);
                    return element;
                  },
                  // Before any addition at the same place: what was there, then what replaced it.
                  { side: -1, key: `removed-${index}-${removal.at}`, ignoreSelection: true },
                ),
              ),
            ]),
          apply: (transaction, set) => set.map(transaction.mapping, transaction.doc),
        },
        props: {
          decorations(state) {
            return this.getState(state);
          },
        },
      }),
    ];
  },
});

/** The newer text of a comparison, read-only, through the same schema as the editor. */
export function DiffView({ doc, marks, label, removedObject }: { doc: ProseMirrorJson; marks: DiffMarks; label: string; removedObject: string }) {
  const editor = useEditor(
    {
      extensions: [...withLiveCharts(reportExtensions()), DiffHighlights.configure({ marks, removedObject })],
      content: doc as unknown as Record<string, unknown>,
      editable: false,
      injectCSS: false,
      editorProps: { attributes: { 'aria-label': label, role: 'document', class: 'report-content version-content diff-content' } },
    },
    [doc, marks, removedObject],
  );
  return editor ? <EditorContent editor={editor} /> : null;
}
