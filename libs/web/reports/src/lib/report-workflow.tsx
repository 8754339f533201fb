import type { Report, ReviewerCandidate, SubmissionNotice } from '@simashe/contracts';
import { Alert, Button, ConfirmDialog, Dialog, LoadingState, QueryError, TextField } from '@simashe/web-ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useArchiveReport, useChangeStatus, useReviewerCandidates, useSaveAsTemplate, useSubmissionNotice } from './queries';

/** "Kenya Ministry of Health (2 people), …": who hears of a submission, in words. */
export function submissionRecipients(notice: SubmissionNotice, people: (organisation: string, count: number) => string): string | null {
  const told = notice.recipients.filter((recipient) => recipient.people > 0);
  return told.length === 0 ? null : told.map((recipient) => people(recipient.organisationName, recipient.people)).join(', ');
}

/** Candidates grouped by organisation, in the order the API gives them. */
export function groupCandidates(candidates: ReviewerCandidate[]): Array<{ organisation: string; people: ReviewerCandidate[] }> {
  const groups: Array<{ organisation: string; people: ReviewerCandidate[] }> = [];
  for (const candidate of candidates) {
    const group = groups.find((g) => g.organisation === candidate.organisationName);
    if (group) group.people.push(candidate);
    else groups.push({ organisation: candidate.organisationName, people: [candidate] });
  }
  return groups;
}

function ReviewDialog({ report, open, onClose, onSent }: { report: Report; open: boolean; onClose: () => void; onSent: (names: string) => void }) {
  const { t } = useTranslation();
  const candidates = useReviewerCandidates(report.id, open);
  const changeStatus = useChangeStatus(report.id);
  const [chosen, setChosen] = useState<string[]>([]);
  const [missing, setMissing] = useState(false);
  const toggle = (id: string) => setChosen((current) => (current.includes(id) ? current.filter((x) => x !== id) : [...current, id]));
  const send = (event: FormEvent) => {
    event.preventDefault();
    if (chosen.length === 0) {
      setMissing(true);
      return;
    }
    changeStatus.mutate(
      { status: 'in_review', reviewerIds: chosen },
      {
        onSuccess: (updated) => {
          onSent(updated.reviewers.filter((reviewer) => chosen.includes(reviewer.id)).map((reviewer) => reviewer.name).join(', '));
          setChosen([]);
          onClose();
        },
      },
    );
  };
  return (
    <Dialog open={open} title={t('reportWorkflow.reviewDialogTitle')} onClose={onClose}>
      <form onSubmit={send} noValidate>
        <p>{t('reportWorkflow.reviewIntro')}</p>
        {candidates.isPending ? (
          <LoadingState label={t('common.loading')} />
        ) : candidates.isError ? (
          <QueryError error={candidates.error} onRetry={() => candidates.refetch()} />
        ) : candidates.data.items.length === 0 ? (
          <Alert kind="info">{t('reportWorkflow.noCandidates')}</Alert>
        ) : (
          <fieldset className={missing && chosen.length === 0 ? 'field-invalid' : ''} aria-describedby={missing && chosen.length === 0 ? 'reviewers-error' : undefined}>
            <legend>{t('reportWorkflow.reviewers')}</legend>
            {groupCandidates(candidates.data.items).map((group) => (
              <div key={group.organisation} className="checkbox-group">
                <p className="muted">
                  <bdi>{group.organisation}</bdi>
                </p>
                {group.people.map((person) => (
                  <label key={person.id} className="checkbox">
                    <input type="checkbox" checked={chosen.includes(person.id)} onChange={() => toggle(person.id)} /> <bdi>{person.name}</bdi>
                  </label>
                ))}
              </div>
            ))}
            {missing && chosen.length === 0 && (
              <p className="field-error" id="reviewers-error">
                {t('reportWorkflow.chooseReviewer')}
              </p>
            )}
          </fieldset>
        )}
        {changeStatus.error && <Alert kind="error">{changeStatus.error.message}</Alert>}
        <div className="button-row">
          <Button variant="secondary" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" busy={changeStatus.isPending} disabled={!candidates.data?.items.length}>
            {t('reportWorkflow.sendToReviewConfirm')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function SubmitDialog({ report, open, onClose, onSubmitted }: { report: Report; open: boolean; onClose: () => void; onSubmitted: () => void }) {
  const { t } = useTranslation();
  const notice = useSubmissionNotice(report.id, open);
  const changeStatus = useChangeStatus(report.id);
  const who = notice.data ? submissionRecipients(notice.data, (organisation, count) => t('reportWorkflow.submitWhoPeople', { organisation, count })) : null;
  return (
    <ConfirmDialog
      open={open}
      title={t('reportWorkflow.submitTitle')}
      confirmLabel={t('reportWorkflow.submitConfirm')}
      // Submitted, the report is read-only until an administrator reopens it: a second Enter must not be what sends it.
      startOnCancel
      busy={changeStatus.isPending}
      onCancel={onClose}
      onConfirm={() =>
        changeStatus.mutate('submitted', {
          onSuccess: () => {
            onSubmitted();
            onClose();
          },
        })
      }
      message={
        <>
          <p>{t('reportWorkflow.submitBody')}</p>
          {notice.isPending ? (
            <LoadingState label={t('common.loading')} />
          ) : notice.isError ? (
            <QueryError error={notice.error} onRetry={() => notice.refetch()} />
          ) : (
            <p>{who ? t('reportWorkflow.submitWho', { who }) : t('reportWorkflow.submitNobody')}</p>
          )}
        </>
      }
      error={changeStatus.error && <Alert kind="error">{changeStatus.error.message}</Alert>}
    />
  );
}

function TemplateDialog({ report, open, onClose }: { report: Report; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const saveAsTemplate = useSaveAsTemplate(report.id);
  const [name, setName] = useState('');
  const save = (event: FormEvent) => {
    event.preventDefault();
    saveAsTemplate.mutate({ name, description: '' }, { onSuccess: () => setName('') });
  };
  return (
    <Dialog open={open} title={t('reportWorkflow.templateDialogTitle')} onClose={onClose}>
      {saveAsTemplate.isSuccess && <Alert kind="success">{t('reports.templateSaved', { name: saveAsTemplate.data.name })}</Alert>}
      {saveAsTemplate.error && <Alert kind="error">{saveAsTemplate.error.message}</Alert>}
      <form onSubmit={save} noValidate>
        <TextField label={t('reports.templateName')} hint={t('reportWorkflow.templateHint')} value={name} onChange={(e) => setName(e.target.value)} data-autofocus />
        <div className="button-row">
          <Button variant="secondary" onClick={onClose}>
            {t('common.close')}
          </Button>
          <Button type="submit" busy={saveAsTemplate.isPending} disabled={name.trim().length < 2}>
            {t('reports.saveAsTemplate')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/** The report's workflow: review (with reviewers), submission (confirmed, saying who is told), reopening, archive, templates. */
export function WorkflowActions({ report }: { report: Report }) {
  const { t } = useTranslation();
  const changeStatus = useChangeStatus(report.id);
  const archive = useArchiveReport(report.id);
  const [dialog, setDialog] = useState<'review' | 'submit' | 'template' | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const writer = report.access === 'edit' || report.canManage;
  const failure = changeStatus.error ?? archive.error;
  const pending = report.reviewers.filter((reviewer) => !reviewer.done);
  const close = () => setDialog(null);

  return (
    <div className="workflow">
      {failure && <Alert kind="error">{failure.message}</Alert>}
      {done && <Alert kind="success">{done}</Alert>}
      {report.status === 'in_review' && pending.length > 0 && (
        <p className="muted">{t('reportWorkflow.reviewersLabel', { names: pending.map((reviewer) => reviewer.name).join(', ') })}</p>
      )}
      <div className="button-row">
        {!report.archived && writer && report.status !== 'submitted' && (
          <Button variant="secondary" onClick={() => setDialog('review')}>
            {t('reportWorkflow.sendToReview')}
          </Button>
        )}
        {!report.archived && writer && report.status === 'in_review' && (
          <Button variant="secondary" onClick={() => changeStatus.mutate('draft')}>
            {t('reports.backToDraft')}
          </Button>
        )}
        {!report.archived && writer && report.status !== 'submitted' && <Button onClick={() => setDialog('submit')}>{t('reportWorkflow.submit')}</Button>}
        {!report.archived && report.canManage && report.status === 'submitted' && (
          <Button variant="secondary" onClick={() => changeStatus.mutate('draft')}>
            {t('reports.reopen')}
          </Button>
        )}
        {report.canManage && (
          <details className="menu">
            <summary className="btn btn-secondary">{t('reportWorkflow.actions')}</summary>
            <div className="menu-items" role="group" aria-label={t('reportWorkflow.actions')}>
              <Button variant="link" onClick={() => setDialog('template')}>
                {t('reportWorkflow.saveAsTemplate')}
              </Button>
              <Button variant="link" onClick={() => archive.mutate(!report.archived)}>
                {report.archived ? t('reports.restore') : t('reports.archive')}
              </Button>
            </div>
          </details>
        )}
      </div>
      <ReviewDialog report={report} open={dialog === 'review'} onClose={close} onSent={(names) => setDone(t('reportWorkflow.reviewRequested', { names }))} />
      <SubmitDialog report={report} open={dialog === 'submit'} onClose={close} onSubmitted={() => setDone(t('reportWorkflow.submitted'))} />
      <TemplateDialog report={report} open={dialog === 'template'} onClose={close} />
    </div>
  );
}
