import type { Publication, PublicationStatus } from '@simashe/contracts';
import { ApiError } from '@simashe/web-api-client';
import { Alert, Button, ConfirmDialog, Dialog, TextField } from '@simashe/web-ui';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CITATION_FORMATS, citationHref, doiHref, statusActions, statusSteps, statusTone, type StatusAction } from './publications-logic';
import { useChangePublicationStatus } from './queries';

export function StatusBadge({ status }: { status: PublicationStatus }) {
  const { t } = useTranslation();
  return <span className={`badge publication-status publication-status-${statusTone(status)}`}>{t(`publications.statuses.${status}`)}</span>;
}

/** idea → drafting → submitted → under review → published, the current step marked for assistive technology too. */
export function StatusStepper({ status }: { status: PublicationStatus }) {
  const { t } = useTranslation();
  return (
    <ol className="publication-stepper" aria-label={t('publications.stepper.label')}>
      {statusSteps(status).map((step) => (
        <li key={step.status} className={`publication-step publication-step-${step.state}`} aria-current={step.state === 'current' ? 'step' : undefined}>
          <span className="publication-step-dot" aria-hidden="true" />
          <span>{t(`publications.statuses.${step.status}`)}</span>
          <span className="visually-hidden">{` (${t(`publications.stepper.${step.state}`)})`}</span>
        </li>
      ))}
    </ol>
  );
}

/** The DOI as a link to its resolver. */
export function DoiLink({ doi }: { doi: string }) {
  const { t } = useTranslation();
  return (
    <a href={doiHref(doi)} target="_blank" rel="noopener noreferrer" dir="ltr" aria-label={t('publications.doiLinkLabel', { doi })}>
      {doiHref(doi)}
    </a>
  );
}

/**
 * The moves this caller may make, as buttons (the API's `nextStatuses`). Moving forward is one click, except
 * publishing, which asks for the DOI; moving back (a submission returned) asks first.
 */
export function StatusActions({ publication }: { publication: Publication }) {
  const { t } = useTranslation();
  const change = useChangePublicationStatus(publication.id);
  const [asking, setAsking] = useState<StatusAction | null>(null);
  const [doi, setDoi] = useState('');
  const [announced, setAnnounced] = useState<PublicationStatus | null>(null);
  const actions = statusActions(publication.status, publication.nextStatuses);
  const error = change.error;
  const doiError = change.error instanceof ApiError ? change.error.fieldError('doi') : undefined;

  const move = (action: StatusAction) => {
    change.mutate(action.needsDoi ? { status: action.status, doi: doi.trim() } : { status: action.status }, {
      onSuccess: () => {
        setAsking(null);
        setAnnounced(action.status);
      },
    });
  };
  const open = (action: StatusAction) => {
    change.reset();
    setAnnounced(null);
    if (action.needsDoi || action.needsConfirmation) setAsking(action);
    else move(action);
  };
  const close = () => {
    setAsking(null);
    change.reset();
  };
  const submitDoi = (event: FormEvent) => {
    event.preventDefault();
    if (asking) move(asking);
  };

  return (
    <>
      {actions.length > 0 && (
        <div className="button-row publication-status-actions">
          {actions.map((action) => (
            <Button key={action.status} variant={action.direction === 'forward' ? 'primary' : 'secondary'} busy={change.isPending && change.variables?.status === action.status} onClick={() => open(action)}>
              {action.direction === 'forward' ? t(`publications.move.${action.status}`) : t(`publications.back.${action.status}`)}
            </Button>
          ))}
        </div>
      )}
      <div aria-live="polite">{announced && <Alert kind="success">{t('publications.statusChanged', { status: t(`publications.statuses.${announced}`) })}</Alert>}</div>
      {!asking && error && <Alert kind="error">{error.message}</Alert>}
      <ConfirmDialog
        open={asking?.needsConfirmation === true}
        title={asking ? t('publications.backConfirm.title', { status: t(`publications.statuses.${asking.status}`) }) : ''}
        message={<p>{asking ? t('publications.backConfirm.body', { status: t(`publications.statuses.${asking.status}`) }) : ''}</p>}
        confirmLabel={t('publications.backConfirm.confirm')}
        busy={change.isPending}
        error={error && <Alert kind="error">{error.message}</Alert>}
        onCancel={close}
        onConfirm={() => asking && move(asking)}
      />
      <Dialog
        open={asking?.needsDoi === true}
        title={t('publications.publish.title')}
        onClose={close}
        size="small"
      >
        <form onSubmit={submitDoi} noValidate className="publication-doi-form">
          <p>{t('publications.publish.body')}</p>
          {error && !doiError && <Alert kind="error">{error.message}</Alert>}
          <DoiField value={doi} onChange={setDoi} error={doiError} />
          <div className="button-row">
            <Button variant="secondary" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" busy={change.isPending}>
              {t('publications.publish.confirm')}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}

/** The DOI field takes the focus when the dialog opens, and again when the server refuses what was typed. */
function DoiField({ value, onChange, error }: { value: string; onChange: (value: string) => void; error?: string }) {
  const { t } = useTranslation();
  const wrapper = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) wrapper.current?.querySelector('input')?.focus();
  }, [error]);
  return (
    <div ref={wrapper}>
      <TextField label={t('publications.publish.doi')} hint={t('publications.publish.doiHint')} value={value} dir="ltr" maxLength={250} required data-autofocus onChange={(e) => onChange(e.target.value)} error={error} />
    </div>
  );
}

/** "Cite": a small disclosure with the BibTeX and RIS downloads (plain links: the browser saves the attachment). */
export function CiteMenu({ publicationId }: { publicationId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const listId = useId();
  return (
    <div
      className="publication-cite"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <Button ref={button} variant="secondary" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
        {t('publications.cite.button')}
      </Button>
      <ul id={listId} className="publication-cite-list" hidden={!open}>
        {CITATION_FORMATS.map((format) => (
          <li key={format}>
            <a href={citationHref(publicationId, format)} download>
              {t(`publications.cite.${format}`)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
