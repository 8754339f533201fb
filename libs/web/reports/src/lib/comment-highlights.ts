import type { CommentThread } from '@simashe/contracts';
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';

export const commentHighlightsKey = new PluginKey('commentHighlights');

const fromBase64 = (text: string) => Uint8Array.from(atob(text), (char) => char.charCodeAt(0));

/** Where a thread's anchors are in the editor now (they follow everyone's edits); null where they cannot be resolved. */
function anchoredRange(state: EditorState, thread: Pick<CommentThread, 'anchorStart' | 'anchorEnd'>): { from: number; to: number } | null {
  const sync = ySyncPluginKey.getState(state);
  if (!sync?.binding || !thread.anchorStart || !thread.anchorEnd) return null;
  try {
    const resolve = (anchor: string) => relativePositionToAbsolutePosition(sync.doc, sync.type, Y.decodeRelativePosition(fromBase64(anchor)), sync.binding.mapping);
    const from = resolve(thread.anchorStart);
    const to = resolve(thread.anchorEnd);
    return from !== null && to !== null ? { from, to } : null;
  } catch {
    return null; // an anchor that no longer resolves
  }
}

/**
 * The text a thread is about, as it reads in the editor now: the server's `currentText` is as of the last load,
 * and the list is no longer reloaded while people type. Empty when the words were deleted; null when unknown here.
 */
export function commentedText(state: EditorState, thread: Pick<CommentThread, 'anchorStart' | 'anchorEnd'>): string | null {
  const range = anchoredRange(state, thread);
  if (!range) return null;
  return range.to > range.from ? state.doc.textBetween(range.from, range.to, ' ') : '';
}

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
            if (!ySyncPluginKey.getState(state)?.binding) return null;
            const decorations: Decoration[] = [];
            for (const thread of threads()) {
              if (thread.resolved) continue;
              // An anchor that no longer resolves is simply not shown.
              const range = anchoredRange(state, thread);
              if (range && range.to > range.from) decorations.push(Decoration.inline(range.from, range.to, { class: 'comment-anchor', 'data-comment': thread.id }));
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

/**
 * Open threads whose words were in the report when the list was read but are not in the editor now: deleted, or
 * moved by the editor writing them anew (Enter before them, their paragraph made a heading). The list read again
 * tells which (the server finds moved words and keeps their new place; deleted ones stay deleted).
 */
export function threadsLostSince(threads: CommentThread[], textNow: (thread: CommentThread) => string | null): string[] {
  return threads.filter((thread) => !thread.resolved && !!thread.currentText && !textNow(thread)).map((thread) => thread.id);
}
