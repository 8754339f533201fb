import type { MentionCandidate } from '@simashe/contracts';
import { MENTION_NODE, ReportMention } from '@simashe/editor';
import { MentionListbox, useMentionSuggestions } from '@simashe/web-discussions';
import type { AnyExtension, Editor, Range } from '@tiptap/core';
import { PluginKey } from '@tiptap/pm/state';
import { findSuggestionMatch, type SuggestionProps } from '@tiptap/suggestion';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { mentionMatchUpToCursor, mentionMenuTop } from './mention-match';

const mentionKey = new PluginKey('mentionMenu');

interface MentionSession {
  range: Range;
  query: string;
  rect: DOMRect | null;
}

/** What the open list does with what the editor hands it; set by `MentionMenu` while it is mounted. */
export interface MentionMenuHandlers {
  show: (session: MentionSession | null) => void;
  keyDown: (event: KeyboardEvent) => boolean;
}

/**
 * The schema's mention node with "@" opening the list of people and organisations (@tiptap/suggestion tracks the
 * typed name and its range; `MentionMenu` draws the list and inserts the choice). `enabled`: only documents whose
 * mentions tell anyone (reports) offer it.
 */
export function withMentionSuggestions(extensions: AnyExtension[], handlers: () => MentionMenuHandlers | null, enabled: () => boolean): AnyExtension[] {
  const session = (props: SuggestionProps): MentionSession => ({ range: props.range, query: props.query, rect: props.clientRect?.() ?? null });
  const configured = ReportMention.configure({
    suggestion: {
      char: '@',
      pluginKey: mentionKey,
      // Names have spaces; the match is cut at the cursor and ends where the text stops looking like a name.
      allowSpaces: true,
      findSuggestionMatch: (config) => mentionMatchUpToCursor(findSuggestionMatch(config), config.$position.pos),
      items: () => [],
      allow: ({ editor, state, range }) => {
        if (!enabled() || !editor.isEditable) return false;
        const type = state.schema.nodes[MENTION_NODE];
        return Boolean(type && state.doc.resolve(range.from).parent.type.contentMatch.matchType(type));
      },
      render: () => ({
        onStart: (props) => handlers()?.show(session(props)),
        onUpdate: (props) => handlers()?.show(session(props)),
        onExit: () => handlers()?.show(null),
        onKeyDown: ({ event }) => handlers()?.keyDown(event) ?? false,
      }),
    },
  });
  return extensions.map((extension) => (extension.name === MENTION_NODE ? configured : extension));
}

/** Replaces "@name" (the suggestion's range) with the mention and a space, so typing goes on after it. */
export function insertMention(editor: Editor, range: Range, candidate: MentionCandidate): void {
  editor
    .chain()
    .focus()
    .insertContentAt(range, [
      { type: MENTION_NODE, attrs: { id: candidate.id, kind: candidate.kind, label: candidate.name } },
      { type: 'text', text: ' ' },
    ])
    .run();
}

/** Whether the text at `pos` runs right to left: each paragraph takes its direction from its own text (dir="auto"). */
function paragraphIsRtl(editor: Editor, pos: number): boolean {
  if (editor.isDestroyed) return false;
  try {
    const { node } = editor.view.domAtPos(pos);
    const element = node.nodeType === 1 ? (node as HTMLElement) : node.parentElement;
    return element ? getComputedStyle(element).direction === 'rtl' : false;
  } catch {
    return false;
  }
}

/**
 * The list under the "@" while a name is typed in the report: arrows move, Enter or Tab inserts, Escape closes. The
 * editing area keeps the keyboard and points assistive technology at the highlighted name (aria-activedescendant).
 * Placed from the "@"'s inline-start edge, by the paragraph's own direction, so it opens under the "@" in Arabic too.
 */
export function MentionMenu({ editor, handlersRef }: { editor: Editor; handlersRef: { current: MentionMenuHandlers | null } }) {
  const [session, setSession] = useState<MentionSession | null>(null);
  const choose = (candidate: MentionCandidate) => {
    if (!session) return;
    insertMention(editor, session.range, candidate);
    setSession(null);
  };
  const suggestions = useMentionSuggestions(session?.query ?? null, choose, () => setSession(null));
  // The list's height decides whether it fits under the "@": measured before the first paint, then again whenever
  // it changes (names arrive, the list narrows as more is typed).
  const [menu, setMenu] = useState<HTMLDivElement | null>(null);
  const [height, setHeight] = useState(0);
  useLayoutEffect(() => {
    if (!menu) return;
    const measure = () => setHeight(menu.offsetHeight);
    measure();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    observer?.observe(menu);
    return () => observer?.disconnect();
  }, [menu]);
  const { handleKey } = suggestions;

  useEffect(() => {
    handlersRef.current = { show: setSession, keyDown: (event) => handleKey(event) };
    return () => {
      handlersRef.current = null;
    };
  }, [handlersRef, handleKey]);

  // Only while the list shows names: before the editor is mounted its view (and DOM) is not there to touch.
  const pointing = useRef(false);
  useEffect(() => {
    if (suggestions.activeDescendant) {
      const dom = editor.view.dom;
      dom.setAttribute('aria-controls', suggestions.listId);
      dom.setAttribute('aria-activedescendant', suggestions.activeDescendant);
      pointing.current = true;
    } else if (pointing.current && !editor.isDestroyed) {
      editor.view.dom.removeAttribute('aria-controls');
      editor.view.dom.removeAttribute('aria-activedescendant');
      pointing.current = false;
    }
  });

  if (!session) return null;
  const rtl = session.rect !== null && paragraphIsRtl(editor, session.range.from);
  const top = session.rect ? mentionMenuTop(session.rect, height, window.innerHeight) : 0;
  const style = session.rect ? (rtl ? { top, right: Math.max(window.innerWidth - session.rect.right, 0) } : { top, left: session.rect.left }) : undefined;
  return (
    <div ref={setMenu} className="mention-menu" style={style}>
      <MentionListbox suggestions={suggestions} onChoose={choose} />
    </div>
  );
}
