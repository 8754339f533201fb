import { ApiError } from '@simashe/web-api-client';
import { Alert, Button } from '@simashe/web-ui';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMentionCandidates } from './queries';

/** The word being typed after "@", if the cursor is right after one. */
function mentionQuery(text: string, cursor: number): string | null {
  const match = /(?:^|\s)@([\p{L}\p{N} .'-]{1,40})$/u.exec(text.slice(0, cursor));
  return match ? match[1].trimStart() : null;
}

/**
 * Writes a post (or a report comment). Typing "@" and a few letters offers people and organisations; choosing one
 * writes the mention in the form the server understands. Ctrl/⌘+Enter sends; Escape cancels when there is a cancel.
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
  maxLength?: number;
  /** Focus the text box on opening, caret at the end (editing what was written). */
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [body, setBody] = useState(initial);
  const [cursor, setCursor] = useState(0);
  const query = mentionQuery(body, cursor);
  const candidates = useMentionCandidates(query ?? '');
  const apiError = error instanceof ApiError ? error : null;

  useEffect(() => {
    if (!autoFocus || !area.current) return;
    area.current.focus();
    area.current.setSelectionRange(area.current.value.length, area.current.value.length);
  }, [autoFocus]);

  const insert = (name: string, kind: 'user' | 'org', candidateId: string) => {
    const before = body.slice(0, cursor).replace(/@[^@]*$/, '');
    const token = `@[${name}](${kind}:${candidateId}) `;
    const next = `${before}${token}${body.slice(cursor)}`;
    setBody(next);
    setCursor(before.length + token.length);
    area.current?.focus();
  };
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!body.trim()) return;
    void onSubmit(body).then(() => setBody(''), () => undefined);
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
        value={body}
        maxLength={maxLength}
        aria-invalid={apiError ? true : undefined}
        aria-describedby={`${id}-hint`}
        onChange={(e) => {
          setBody(e.target.value);
          setCursor(e.target.selectionStart);
        }}
        onSelect={(e) => setCursor(e.currentTarget.selectionStart)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit();
          if (e.key === 'Escape' && onCancel) {
            e.preventDefault();
            onCancel();
          }
        }}
      />
      <p id={`${id}-hint`} className="muted">
        {hint ?? t('discussions.hint')}
      </p>
      {query && (candidates.data?.items.length ?? 0) > 0 && (
        <ul className="mention-suggestions" aria-label={t('discussions.suggestions')}>
          {candidates.data!.items.map((candidate) => (
            <li key={`${candidate.kind}-${candidate.id}`}>
              <Button variant="secondary" onClick={() => insert(candidate.name, candidate.kind, candidate.id)}>
                @{candidate.name} <span className="muted">({t(`discussions.mentionKinds.${candidate.kind}`)})</span>
              </Button>
            </li>
          ))}
        </ul>
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
