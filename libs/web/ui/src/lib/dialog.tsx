import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './components';

/**
 * A modal dialog on the native <dialog> element: the browser traps focus inside it, Escape closes it, and the
 * rest of the page is inert while it is open. Focus returns to whatever had it before (the opening button).
 * `open` drives it; `onClose` is called on Escape, on the close button and on a click on the backdrop. Mark the field
 * or button that should have the focus first with `data-autofocus`.
 */
export function Dialog({
  open,
  title,
  onClose,
  children,
  footer,
  size = 'medium',
}: {
  open: boolean;
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  size?: 'small' | 'medium' | 'large';
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const opener = useRef<Element | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement;
      // jsdom (unit tests) has no showModal.
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
      // React's autoFocus cannot reach into a closed <dialog>, and showModal() focuses the first button (×):
      // the element marked data-autofocus gets the focus instead.
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    } else if (!open && dialog.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
      (opener.current as HTMLElement | null)?.focus?.();
    }
  }, [open]);

  return (
    <dialog
      ref={ref}
      className={`dialog dialog-${size}`}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        // A click on the backdrop lands on the <dialog> itself, outside its content box.
        if (event.target === ref.current) onClose();
      }}
    >
      {open && (
        <div className="dialog-body">
          <header className="dialog-header">
            <h2 id={titleId}>{title}</h2>
            <Button variant="link" className="dialog-close" aria-label={t('common.close')} onClick={onClose}>
              ×
            </Button>
          </header>
          <div className="dialog-content">{children}</div>
          {footer && <footer className="dialog-footer">{footer}</footer>}
        </div>
      )}
    </dialog>
  );
}

/** "Are you sure?" for an irreversible or consequential step, with the consequence spelled out. */
export function ConfirmDialog({
  open,
  title,
  message,
  confirmLabel,
  onConfirm,
  onCancel,
  busy = false,
  danger = false,
  startOnCancel = danger,
  error,
}: {
  open: boolean;
  title: ReactNode;
  message: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  danger?: boolean;
  /** Focus starts on Cancel (always for `danger`): for a step that cannot simply be taken back, as submitting. */
  startOnCancel?: boolean;
  error?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={open}
      title={title}
      onClose={onCancel}
      size="small"
      footer={
        <>
          {/* An irreversible step starts on Cancel: a second Enter must not be what deletes. */}
          <Button variant="secondary" onClick={onCancel} data-autofocus={startOnCancel ? true : undefined}>
            {t('common.cancel')}
          </Button>
          <Button variant={danger ? 'danger' : 'primary'} busy={busy} onClick={onConfirm} data-autofocus={startOnCancel ? undefined : true}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      <div>{message}</div>
      {error}
    </Dialog>
  );
}

/** What `useConfirm`'s question says: the step, its consequence and the button that takes it. */
export interface ConfirmRequest {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  /** Deleting or removing something: a red button, and the focus starts on Cancel. */
  danger?: boolean;
  /** A step that cannot be taken back, though nothing is deleted (closing a cycle): the focus starts on Cancel. */
  startOnCancel?: boolean;
}

/**
 * The app's own confirmation, in the page's language and direction, in place of `window.confirm` (whose buttons
 * and title follow the browser, not the app, and which stops the page). `ask` resolves true when the person
 * confirms and false when they cancel or dismiss; render `dialog` in the component that asks.
 */
export function useConfirm(): { ask: (request: ConfirmRequest) => Promise<boolean>; dialog: ReactNode } {
  const [pending, setPending] = useState<{ request: ConfirmRequest; answer: (confirmed: boolean) => void; opener: Element | null } | null>(null);
  const ask = useCallback(
    (request: ConfirmRequest) =>
      new Promise<boolean>((answer) => {
        const opener = typeof document === 'undefined' ? null : document.activeElement;
        setPending((previous) => {
          previous?.answer(false);
          return { request, answer, opener };
        });
      }),
    [],
  );
  const settle = (confirmed: boolean) => {
    pending?.answer(confirmed);
    if (confirmed && pending?.opener) keepFocusNear(pending.opener);
    setPending(null);
  };
  const dialog = (
    <ConfirmDialog
      open={pending !== null}
      title={pending?.request.title ?? ''}
      message={pending?.request.message}
      confirmLabel={pending?.request.confirmLabel ?? ''}
      danger={pending?.request.danger ?? false}
      startOnCancel={pending?.request.startOnCancel ?? pending?.request.danger ?? false}
      onConfirm={() => settle(true)}
      onCancel={() => settle(false)}
    />
  );
  return { ask, dialog };
}

/**
 * After a confirmed step, the button that asked (Delete) usually goes with what it deleted, and the browser then
 * drops the focus to the start of the document. While it is still around the focus goes back to it (the dialog does
 * that); once it is gone, to the nearest part of the page that is still there (the list, the card), so that a
 * keyboard user carries on from where they were. Watched for a few seconds: the step's request may be slow.
 */
export function keepFocusNear(opener: Element, watchMs = 10_000, everyMs = 100): void {
  const ancestors: HTMLElement[] = [];
  for (let node = opener.parentElement; node && node !== document.body; node = node.parentElement) ancestors.push(node);
  const started = Date.now();
  const check = () => {
    if (opener.isConnected) {
      if (Date.now() - started < watchMs) setTimeout(check, everyMs);
      return;
    }
    // Only when the focus was lost with it, not when the person has moved on.
    if (document.activeElement && document.activeElement !== document.body) return;
    const near = ancestors.find((element) => element.isConnected);
    if (!near) return;
    if (!near.hasAttribute('tabindex') && near.tabIndex < 0) near.setAttribute('tabindex', '-1');
    near.focus({ preventScroll: true });
  };
  setTimeout(check, everyMs);
}
