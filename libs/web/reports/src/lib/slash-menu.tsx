import { Extension, type Editor, type Range } from '@tiptap/core';
import { PluginKey } from '@tiptap/pm/state';
import Suggestion, { type SuggestionProps } from '@tiptap/suggestion';
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { filterSlashItems, runSlashItem, slashLabelKey, SLASH_ITEMS, type SlashItem } from './slash-items';

const slashKey = new PluginKey('slashMenu');

interface SlashSession {
  range: Range;
  query: string;
  rect: DOMRect | null;
}

/** What the open menu does with the keys the editor hands it; set by `SlashMenu` while it is shown. */
export interface SlashMenuHandlers {
  show: (session: SlashSession | null) => void;
  keyDown: (event: KeyboardEvent) => boolean;
}

/**
 * "/" typed at the start of an empty top-level paragraph opens the block menu (@tiptap/suggestion tracks the typed
 * query and its range). Only the editor's side lives here: `SlashMenu` draws the list and picks the block.
 */
export const SlashCommands = Extension.create<{ handlers: () => SlashMenuHandlers | null }>({
  name: 'slashCommands',
  // A function, not the holder itself: Tiptap deep-copies plain objects passed to configure().
  addOptions: () => ({ handlers: () => null }),
  addProseMirrorPlugins() {
    const handlers = this.options.handlers;
    const session = (props: SuggestionProps): SlashSession => ({ range: props.range, query: props.query, rect: props.clientRect?.() ?? null });
    return [
      Suggestion({
        editor: this.editor,
        pluginKey: slashKey,
        char: '/',
        startOfLine: true,
        items: () => [],
        // Only where a new block belongs: a paragraph of the document itself, with nothing but "/query" in it.
        allow: ({ state, range }) => {
          const $from = state.doc.resolve(range.from);
          return $from.depth === 1 && $from.parent.type.name === 'paragraph' && $from.parent.textContent === state.doc.textBetween(range.from, range.to);
        },
        render: () => ({
          onStart: (props) => handlers()?.show(session(props)),
          onUpdate: (props) => handlers()?.show(session(props)),
          onExit: () => handlers()?.show(null),
          onKeyDown: ({ event }) => handlers()?.keyDown(event) ?? false,
        }),
      }),
    ];
  },
});

/** The block menu, shown under the "/" while it is open: arrows move, Enter picks, Escape closes. */
export function SlashMenu({ editor, handlersRef, onChart, onImage }: { editor: Editor; handlersRef: { current: SlashMenuHandlers | null }; onChart: () => void; onImage?: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [session, setSession] = useState<SlashSession | null>(null);
  const [active, setActive] = useState(0);
  const label = (item: SlashItem['id']) => t(slashLabelKey(item));
  // Images only where they can be uploaded (a report the person may edit).
  const canImage = onImage !== undefined;
  const items = useMemo(
    () => (session ? filterSlashItems(session.query, (item) => t(slashLabelKey(item)), canImage ? SLASH_ITEMS : SLASH_ITEMS.filter((item) => item.id !== 'image')) : []),
    [session, t, canImage],
  );
  // What the key handler (called by the editor, outside React) reads: the latest render's menu.
  const state = useRef({ session, items, active, onChart, onImage });
  useLayoutEffect(() => {
    state.current = { session, items, active, onChart, onImage };
  });

  useEffect(() => {
    handlersRef.current = {
      show: (next) => {
        setSession(next);
        setActive(0);
      },
      keyDown: (event) => {
        const { session: open, items: shown, active: current } = state.current;
        if (!open) return false;
        // Escape: the suggestion plugin closes the menu itself (and keeps it closed for this "/").
        if (event.key === 'Escape') return true;
        if (shown.length === 0) return false;
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
          const step = event.key === 'ArrowDown' ? 1 : -1;
          setActive((current + step + shown.length) % shown.length);
          return true;
        }
        if (event.key === 'Enter' || event.key === 'Tab') {
          runSlashItem(editor, open.range, shown[current].id, state.current.onChart, state.current.onImage);
          return true;
        }
        return false;
      },
    };
    return () => {
      handlersRef.current = null;
    };
  }, [editor, handlersRef]);

  // The editing area keeps the keyboard; it points assistive technology at the highlighted block.
  const optionId = (index: number) => `${id}-option-${index}`;
  // Only while the menu is open: before the editor is mounted its view (and DOM) is not there to touch.
  const pointing = useRef(false);
  useEffect(() => {
    if (session && items.length > 0) {
      const dom = editor.view.dom;
      dom.setAttribute('aria-controls', `${id}-list`);
      dom.setAttribute('aria-activedescendant', optionId(Math.min(active, items.length - 1)));
      pointing.current = true;
    } else if (pointing.current && !editor.isDestroyed) {
      editor.view.dom.removeAttribute('aria-controls');
      editor.view.dom.removeAttribute('aria-activedescendant');
      pointing.current = false;
    }
  });

  if (!session) return null;
  const style = session.rect ? { top: session.rect.bottom + 4, left: session.rect.left } : undefined;
  return (
    <div className="slash-menu" style={style}>
      {items.length === 0 ? (
        <p className="slash-empty" role="status">
          {t('editor.slash.noMatch', { query: session.query })}
        </p>
      ) : (
        <ul id={`${id}-list`} role="listbox" aria-label={t('editor.slash.label')}>
          {items.map((item, index) => (
            <li
              key={item.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'slash-item slash-item-active' : 'slash-item'}
              onMouseDown={(event) => event.preventDefault()}
              onMouseEnter={() => setActive(index)}
              onClick={() => runSlashItem(editor, session.range, item.id, onChart, onImage)}
            >
              {label(item.id)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
