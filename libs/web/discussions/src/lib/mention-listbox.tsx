import type { MentionCandidate } from '@simashe/contracts';
import { useCallback, useId, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listboxKey } from './mention-suggestions';
import { useMentionCandidates } from './queries';

/** The id of a suggestion, for `aria-activedescendant` on the text box that keeps the keyboard. */
export const mentionOptionId = (listId: string, index: number) => `${listId}-option-${index}`;

export interface MentionSuggestions {
  /** null while no name is being typed. */
  query: string | null;
  listId: string;
  items: MentionCandidate[];
  active: number;
  setActive: (index: number) => void;
  /** The highlighted suggestion's id, for the text box's `aria-activedescendant` (undefined when none is shown). */
  activeDescendant: string | undefined;
  /** Nothing typed after "@" yet, searching, or nothing found: what the open list says instead of names. */
  status: 'type' | 'searching' | 'none' | null;
  /**
   * The text box's key handler while a name is being typed (it may run outside React: it reads the latest render).
   * Returns true when it used the key: ArrowDown/ArrowUp move, Enter/Tab choose, Escape closes.
   */
  handleKey: (event: { key: string; shiftKey?: boolean; ctrlKey?: boolean; altKey?: boolean; metaKey?: boolean }) => boolean;
}

/**
 * People and organisations for the name typed after "@" (`/api/discussions/mention-candidates`), and the keyboard of
 * the list that offers them. Shared by the post and comment composer and the report editor.
 */
export function useMentionSuggestions(query: string | null, onChoose: (candidate: MentionCandidate) => void, onClose: () => void): MentionSuggestions {
  const listId = `${useId()}-mentions`;
  const trimmed = query?.trim() ?? '';
  const candidates = useMentionCandidates(query === null ? '' : trimmed);
  const items = query === null || !trimmed ? [] : (candidates.data?.items ?? []);
  // A new list starts at its first name: the highlight belongs to the list it was moved in.
  const signature = items.map((item) => `${item.kind}:${item.id}`).join(',');
  const [highlight, setHighlight] = useState({ signature, index: 0 });
  const active = highlight.signature === signature ? highlight.index : 0;
  const setActive = useCallback((index: number) => setHighlight({ signature, index }), [signature]);

  const latest = useRef({ items, active, setActive, onChoose, onClose, open: query !== null });
  useLayoutEffect(() => {
    latest.current = { items, active, setActive, onChoose, onClose, open: query !== null };
  });
  const handleKey = useCallback<MentionSuggestions['handleKey']>((event) => {
    const { items: shown, active: current, open } = latest.current;
    if (!open) return false;
    const action = listboxKey(event.key, current, shown.length, { shift: event.shiftKey, ctrl: event.ctrlKey, alt: event.altKey, meta: event.metaKey });
    if (!action) return false;
    if (action.type === 'close') latest.current.onClose();
    else if (action.type === 'move') latest.current.setActive(action.active);
    else latest.current.onChoose(shown[action.index]);
    return true;
  }, []);

  let status: MentionSuggestions['status'] = null;
  if (query !== null && items.length === 0) status = !trimmed ? 'type' : candidates.isFetching ? 'searching' : 'none';
  return {
    query,
    listId,
    items,
    active: Math.min(active, Math.max(items.length - 1, 0)),
    setActive,
    activeDescendant: items.length > 0 ? mentionOptionId(listId, Math.min(active, items.length - 1)) : undefined,
    status,
    handleKey,
  };
}

/**
 * The suggestions as a listbox: the text box keeps the keyboard and points at the highlighted option
 * (`aria-activedescendant`); a pointer picks too. Names are isolated (<bdi>) so an Arabic name in an English list,
 * or the other way round, reads in its own direction.
 */
export function MentionListbox({ suggestions, onChoose, className }: { suggestions: MentionSuggestions; onChoose: (candidate: MentionCandidate) => void; className?: string }) {
  const { t } = useTranslation();
  const { query, listId, items, active, setActive, status } = suggestions;
  if (query === null) return null;
  if (items.length === 0) {
    // A name that finds nobody once it has a space in it is ordinary text: say nothing.
    if (status === 'none' && /\s/u.test(query.trim())) return null;
    return (
      <p className={`mention-status ${className ?? ''}`} role="status">
        {status === 'type' ? t('mentions.typeName') : status === 'searching' ? t('mentions.searching') : t('mentions.noMatch', { query: query.trim() })}
      </p>
    );
  }
  return (
    <ul id={listId} role="listbox" aria-label={t('mentions.suggestions')} className={`mention-options ${className ?? ''}`}>
      {items.map((candidate, index) => (
        <li
          key={`${candidate.kind}-${candidate.id}`}
          id={mentionOptionId(listId, index)}
          role="option"
          aria-selected={index === active}
          className={index === active ? 'mention-option mention-option-active' : 'mention-option'}
          // The text box keeps the focus (and the caret) while the pointer picks.
          onMouseDown={(event) => event.preventDefault()}
          onMouseEnter={() => setActive(index)}
          onClick={() => onChoose(candidate)}
        >
          <bdi dir="auto">@{candidate.name}</bdi> <span className="mention-kind">{t(`mentions.kinds.${candidate.kind}`)}</span>
          {candidate.organisationName && (
            <span className="mention-kind mention-workplace">
              <bdi dir="auto">{candidate.organisationName}</bdi>
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
