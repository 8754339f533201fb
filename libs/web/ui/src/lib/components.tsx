import { useTranslation } from 'react-i18next';
import { useEffect, useId, useState, type ButtonHTMLAttributes, type FormEvent, type InputHTMLAttributes, type ReactNode, type Ref, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'link';

export function Button({
  variant = 'primary',
  busy = false,
  children,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant; busy?: boolean; /** To move focus back to it. */ ref?: Ref<HTMLButtonElement> }) {
  // A plain button unless it says it submits: a stray click must never send a half-filled form.
  return (
    <button type="button" {...props} className={`btn btn-${variant} ${props.className ?? ''}`} disabled={props.disabled || busy} aria-busy={busy || undefined}>
      {children}
    </button>
  );
}

interface FieldProps {
  label: string;
  error?: string;
  hint?: string;
}

function FieldFrame({ id, label, error, hint, after, children }: FieldProps & { id: string; after?: ReactNode; children: ReactNode }) {
  return (
    <div className={`field ${error ? 'field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {after && (
        <p className="field-hint" id={`${id}-after`}>
          {after}
        </p>
      )}
      {hint && !error && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

function describedBy(id: string, error?: string, hint?: string) {
  return error ? `${id}-error` : hint ? `${id}-hint` : undefined;
}

export function TextField({ label, error, hint, ...props }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint}>
      <input id={id} {...props} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, hint)} />
    </FieldFrame>
  );
}

/** A multi-line text field; `after` (a live character count) is read with the field, like its hint. */
export function TextAreaField({ label, error, hint, after, ...props }: FieldProps & { after?: ReactNode } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  const described = [describedBy(id, error, hint), after ? `${id}-after` : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint} after={after}>
      <textarea id={id} dir="auto" {...props} aria-invalid={error ? true : undefined} aria-describedby={described} />
    </FieldFrame>
  );
}

export function SelectField({
  label,
  error,
  hint,
  options,
  ...props
}: FieldProps & SelectHTMLAttributes<HTMLSelectElement> & { options: Array<{ value: string; label: string }> }) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint}>
      <select id={id} {...props} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, hint)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/**
 * A search box whose text is sent on submit, not on every key (so the address, where lists keep their filters, gets
 * one history entry per search). A new `value` (back button, a "clear" click) replaces the text being typed.
 */
export function SearchForm({ value, onSearch, label, buttonLabel, className = '' }: { value: string; onSearch: (q: string) => void; label: string; buttonLabel: string; className?: string }) {
  const id = useId();
  const [text, setText] = useState(value);
  const [shownFor, setShownFor] = useState(value);
  if (shownFor !== value) {
    setShownFor(value);
    setText(value);
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(text);
  };
  return (
    <form role="search" aria-label={label} className={`search-form ${className}`} onSubmit={submit}>
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input id={id} type="search" value={text} maxLength={200} onChange={(e) => setText(e.target.value)} />
      </div>
      <Button type="submit" variant="secondary">
        {buttonLabel}
      </Button>
    </form>
  );
}

export function Alert({ kind, children }: { kind: 'error' | 'success' | 'info'; children: ReactNode }) {
  return (
    <div className={`alert alert-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

export function LoadingState({ label }: { label: string }) {
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="state state-empty">{children}</p>;
}

export function ErrorState({ title, message, onRetry, retryLabel }: { title: string; message: string; onRetry?: () => void; retryLabel?: string }) {
  return (
    <div className="state state-error" role="alert">
      <strong>{title}</strong>
      <p>{message}</p>
      {onRetry && (
        <Button variant="secondary" onClick={onRetry}>
          {retryLabel}
        </Button>
      )}
    </div>
  );
}

/** A titled card is a named landmark region, so screen-reader users can jump between them. */
/**
 * What a page shows when its data did not load: "not found" for a missing or unreadable item (400/404, which
 * retrying cannot fix), otherwise the error with a retry button.
 */
export function QueryError({ error, onRetry }: { error: { status?: number; message: string }; onRetry: () => void }) {
  const { t } = useTranslation();
  if (error.status === 400 || error.status === 404) {
    return <ErrorState title={t('common.notFoundTitle')} message={t('common.notFoundBody')} />;
  }
  return <ErrorState title={t('common.errorTitle')} message={error.message} onRetry={onRetry} retryLabel={t('common.retry')} />;
}

export function Card({ title, children, headingLevel = 2 }: { title?: ReactNode; children: ReactNode; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const headingId = useId();
  return (
    <section className="card" aria-labelledby={title ? headingId : undefined}>
      {title && (
        <Heading className="card-title" id={headingId}>
          {title}
        </Heading>
      )}
      {children}
    </section>
  );
}

export function CopyField({ label, value, copyLabel, copiedLabel }: { label: string; value: string; copyLabel: string; copiedLabel: string }) {
  const id = useId();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      (document.getElementById(id) as HTMLInputElement | null)?.select();
    }
  };
  return (
    <div className="copy-field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-field-row">
        <input id={id} readOnly value={value} onFocus={(event) => event.currentTarget.select()} dir="ltr" />
        <Button type="button" variant="secondary" onClick={copy}>
          {copied ? copiedLabel : copyLabel}
        </Button>
      </div>
    </div>
  );
}

/** A set of checkboxes choosing several values of a fixed list (determinants, sectors…). */
export function CheckboxGroup<T extends string>({ legend, values, chosen, label, onChange }: { legend: string; values: readonly T[]; chosen: T[]; label: (value: T) => string; onChange: (next: T[]) => void }) {
  return (
    <fieldset className="invitees">
      <legend>{legend}</legend>
      {values.map((value) => (
        <label key={value} className="checkbox">
          <input type="checkbox" checked={chosen.includes(value)} onChange={(e) => onChange(e.target.checked ? [...chosen, value] : chosen.filter((v) => v !== value))} /> {label(value)}
        </label>
      ))}
    </fieldset>
  );
}

/** The browser tab names the page, then the workspace. */
export function usePageTitle(title: string | undefined): void {
  const { t } = useTranslation();
  useEffect(() => {
    if (title) document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
}
