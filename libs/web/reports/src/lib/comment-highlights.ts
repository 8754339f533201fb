import type { CommentThread } from '@simashe/contracts';
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';

export const commentHighlightsKey = new PluginKey('commentHighlights');

const fromBase64 = (text: string) => Uint8Array.from(atob(text), (char) => char.charCodeAt(0));

/** Marks the text each open comment thread is anchored to; the anchors follow the text through edits. */
export const CommentHighlights = Extension.create<object, { threads: CommentThread[] }>({
  name: 'commentHighlights',
  addStorage() {
    return { threads: [] };
  },
  addProseMirrorPlugins() {
    const threads = () => this.storage.threads;
    return [
      new Plugin({
        key: commentHighlightsKey,
        props: {
          decorations(state) {
            const sync = ySyncPluginKey.getState(state);
            if (!sync?.binding) return null;
            const decorations: Decoration[] = [];
            for (const thread of threads()) {
              if (thread.resolved || !thread.anchorStart) continue;
              try {
                const resolve = (anchor: string) =>
                  relativePositionToAbsolutePosition(sync.doc, sync.type, Y.decodeRelativePosition(fromBase64(anchor)), sync.binding.mapping);
                const from = resolve(thread.anchorStart);
                const to = resolve(thread.anchorEnd);
                if (from !== null && to !== null && to > from) {
                  decorations.push(Decoration.inline(from, to, { class: 'comment-anchor', 'data-comment': thread.id }));
                }
              } catch {
                // an anchor that no longer resolves is simply not shown
              }
            }
            return DecorationSet.create(state.doc, decorations);
          },
        },
      }),
    ];
  },
});

/** Hands the latest threads to the editor and redraws the highlights. */
export function showCommentHighlights(editor: import('@tiptap/core').Editor, threads: CommentThread[]): void {
  (editor.storage as unknown as Record<string, { threads: CommentThread[] }>)['commentHighlights'].threads = threads;
  editor.view.dispatch(editor.state.tr.setMeta(commentHighlightsKey, true));
}
