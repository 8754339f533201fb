import type { MentionCandidate } from '@simashe/contracts';
import { ApiError } from '@simashe/web-api-client';
import { Alert, Button } from '@simashe/web-ui';
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MentionListbox, useMentionSuggestions } from './mention-listbox';
import { displayText, insertMention, mentionQuery, mentionsInText, serialiseMentions, type ChosenMention } from './mention-suggestions';

/**
 * Writes a post (or a report comment). Typing "@" and a few letters offers people and organisations in a list the
 * keyboard drives (arrows, Enter or Tab, Escape); the text shows "@Name" and the mention goes to the server in the
 * form it understands (`@[Name](user:<id>)`). Ctrl/⌘+Enter sends; Escape cancels when there is a cancel.
 */
export function Composer({
  label,
  initial = '',
  submitLabel,
  busy,
  error,
  onSubmit,
  onCancel,
  quote,
  hint,
  showHint = true,
  maxLength = 10_000,
  autoFocus = false,
}: {
  label: string;
  initial?: string;
  submitLabel: string;
  busy: boolean;
  error: Error | null;
  onSubmit: (body: string) => Promise<unknown>;
  onCancel?: () => void;
  quote?: { authorName: string | null; excerpt: string; onRemove: () => void };
  /** Shown under the text box; the discussions' hint by default. */
  hint?: string;
  /**
   * false: the hint is read out with the box but not shown, for boxes that repeat down a page under one that shows
   * it (a reply box per thread, under the new-comment box).
   */
  showHint?: boolean;
  maxLength?: number;
  /** Focus the text box on opening, caret at the end (editing what was written). */
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  // What was written before (an edit) reads as "@Name" too; its mentions stay mentions.
  const start = useMemo(() => displayText(initial), [initial]);
  const [body, setBody] = useState(start.text);
  const [chosen, setChosen] = useState<ChosenMention[]>(start.mentions);
  const [cursor, setCursor] = useState(0);
  // Where the "@" whose list was closed with Escape stands: it stays closed until another "@".
  const [dismissed, setDismissed] = useState<number | null>(null);
  const [focused, setFocused] = useState(false);
  const caret = useRef<number | null>(null);
  const typing = mentionQuery(body, cursor);
  // A name already chosen is not typed again: the list stays closed behind it.
  const picked = typing !== null && chosen.some((mention) => body.startsWith(`@${mention.name}`, typing.start) && cursor > typing.start + mention.name.length);
  const open = focused && typing && !picked && typing.start !== dismissed ? typing : null;
  const apiError = error instanceof ApiError ? error : null;

  const choose = (candidate: MentionCandidate) => {
    if (!open) return;
    const next = insertMention(body, open.start, cursor, candidate.name);
    setBody(next.text);
    setCursor(next.cursor);
    caret.current = next.cursor;
    setChosen((previous) => [...previous.filter((m) => !(m.kind === candidate.kind && m.id === candidate.id) && m.name !== candidate.name), { kind: candidate.kind, id: candidate.id, name: candidate.name }]);
  };
  const suggestions = useMentionSuggestions(open?.query ?? null, choose, () => setDismissed(open?.start ?? null));
  const mentioned = mentionsInText(body, chosen);

  useEffect(() => {
    if (!autoFocus || !area.current) return;
    area.current.focus();
    area.current.setSelectionRange(area.current.value.length, area.current.value.length);
  }, [autoFocus]);
  // After a name is inserted, the caret goes right after it.
  useLayoutEffect(() => {
    if (caret.current === null || !area.current) return;
    area.current.focus();
    area.current.setSelectionRange(caret.current, caret.current);
    caret.current = null;
  });

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    // Ctrl+Enter again while posting (the button is disabled then, the keys are not) posts nothing twice.
    if (!body.trim() || busy) return;
    void onSubmit(serialiseMentions(body, chosen)).then(
      () => {
        setBody('');
        setChosen([]);
        setDismissed(null);
        // The button turned disabled as the box emptied, and the focus fell to the page: it goes back to the box.
        const active = document.activeElement;
        if (!active || active === document.body || area.current?.form?.contains(active)) area.current?.focus();
      },
      () => undefined,
    );
  };

  return (
    <form className="composer" onSubmit={submit} noValidate>
      {quote && (
        <blockquote className="post-quote">
          <strong>{quote.authorName ?? t('discussions.someone')}</strong>: {quote.excerpt}{' '}
          <Button variant="link" className="link-dark" onClick={quote.onRemove}>
            {t('discussions.removeQuote')}
          </Button>
        </blockquote>
      )}
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        ref={area}
        rows={3}
        dir="auto"
        value={body}
        maxLength={maxLength}
        aria-invalid={apiError ? true : undefined}
        aria-describedby={`${id}-hint`}
        aria-autocomplete="list"
        aria-controls={suggestions.activeDescendant ? suggestions.listId : undefined}
        aria-activedescendant={suggestions.activeDescendant}
        onChange={(e) => {
          setBody(e.target.value);
          setCursor(e.target.selectionStart);
          if (dismissed !== null && e.target.value[dismissed] !== '@') setDismissed(null);
        }}
        onSelect={(e) => setCursor(e.currentTarget.selectionStart)}
        onKeyDown={(e) => {
          if (!e.nativeEvent.isComposing && suggestions.handleKey(e)) {
            e.preventDefault();
            return;
          }
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit();
          if (e.key === 'Escape' && onCancel) {
            e.preventDefault();
            onCancel();
          }
        }}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
      />
      <MentionListbox suggestions={suggestions} onChoose={choose} className="composer-mentions" />
      <p id={`${id}-hint`} className={showHint ? 'muted' : 'visually-hidden'}>
        {hint ?? t('discussions.hint')} {t('mentions.keys')}
      </p>
      {mentioned.length > 0 && (
        <div className="mention-chips">
          <span className="muted" id={`${id}-mentioning`}>
            {t('mentions.mentioning')}
          </span>
          <ul aria-labelledby={`${id}-mentioning`}>
            {mentioned.map((mention) => (
              <li key={`${mention.kind}-${mention.id}`}>
                <bdi dir="auto" className={`mention mention-${mention.kind}`}>
                  @{mention.name}
                </bdi>
              </li>
            ))}
          </ul>
        </div>
      )}
      {apiError && <Alert kind="error">{apiError.fieldError('body') ?? apiError.message}</Alert>}
      <div className="button-row">
        <Button type="submit" busy={busy} disabled={!body.trim()}>
          {submitLabel}
        </Button>
        {onCancel && (
          <Button variant="link" className="link-dark" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        )}
      </div>
    </form>
  );
}
