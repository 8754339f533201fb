import type { CurrentUser, Report, ReportStatus } from '@simashe/contracts';
import { useCurrentUser } from '@simashe/web-accounts';
import { SubjectDiscussion } from '@simashe/web-discussions';
import { ApiError } from '@simashe/web-api-client';
import { Alert, Button, LoadingState, QueryError, TextField } from '@simashe/web-ui';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useArchiveReport, useChangeStatus, useReport, useSaveAsTemplate, useUpdateReport } from './queries';
import { ExportLinks } from './export-links';
import { HistoryCard } from './history.card';
import { LiveDocumentView } from './live-document';
import { useCollaboration } from './use-collaboration';

function WorkflowActions({ report }: { report: Report }) {
  const { t } = useTranslation();
  const changeStatus = useChangeStatus(report.id);
  const archive = useArchiveReport(report.id);
  const saveAsTemplate = useSaveAsTemplate(report.id);
  const [templateName, setTemplateName] = useState('');
  const move = (status: ReportStatus) => changeStatus.mutate(status);
  const writer = report.access === 'edit' || report.canManage;
  const failure = changeStatus.error ?? archive.error ?? saveAsTemplate.error;

  return (
    <div className="workflow">
      {failure && <Alert kind="error">{failure.message}</Alert>}
      {saveAsTemplate.isSuccess && <Alert kind="success">{t('reports.templateSaved', { name: saveAsTemplate.data.name })}</Alert>}
      <div className="button-row">
        {!report.archived && writer && report.status === 'draft' && <Button variant="secondary" onClick={() => move('in_review')}>{t('reports.sendToReview')}</Button>}
        {!report.archived && writer && report.status === 'in_review' && <Button variant="secondary" onClick={() => move('draft')}>{t('reports.backToDraft')}</Button>}
        {!report.archived && writer && report.status !== 'submitted' && <Button onClick={() => move('submitted')}>{t('reports.submit')}</Button>}
        {!report.archived && report.canManage && report.status === 'submitted' && <Button variant="secondary" onClick={() => move('draft')}>{t('reports.reopen')}</Button>}
        {report.canManage && (
          <Button variant="danger" onClick={() => archive.mutate(!report.archived)}>
            {report.archived ? t('reports.restore') : t('reports.archive')}
          </Button>
        )}
      </div>
      {report.canManage && (
        <form
          className="form-row"
          onSubmit={(event) => {
            event.preventDefault();
            saveAsTemplate.mutate({ name: templateName, description: '' });
          }}
        >
          <TextField label={t('reports.templateName')} value={templateName} onChange={(e) => setTemplateName(e.target.value)} />
          <Button type="submit" variant="secondary" disabled={templateName.trim().length < 2}>
            {t('reports.saveAsTemplate')}
          </Button>
        </form>
      )}
    </div>
  );
}

function TitleEditor({ report }: { report: Report }) {
  const { t } = useTranslation();
  const update = useUpdateReport(report.id);
  const [title, setTitle] = useState(report.title);
  const error = update.error instanceof ApiError ? update.error : null;
  if (report.access !== 'edit') return <h1>{report.title}</h1>;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (title.trim() && title !== report.title) update.mutate({ title });
  };
  return (
    <form className="title-form" onSubmit={submit}>
      <h1 className="visually-hidden">{report.title}</h1>
      <TextField label={t('reports.reportTitle')} value={title} onChange={(e) => setTitle(e.target.value)} onBlur={submit} error={error?.fieldError('title') ?? error?.message} />
    </form>
  );
}

/** The live text and its history: comparisons with the current text read the live document once it has synced. */
function ReportText({ report, user }: { report: Report; user: CurrentUser }) {
  const { t } = useTranslation();
  const live = useCollaboration({ kind: 'report', documentId: report.id });
  const currentDoc = live.state?.synced ? (live.session?.doc ?? null) : null;
  return (
    <>
      <LiveDocumentView
        live={live}
        user={user}
        canEdit={report.access === 'edit'}
        label={t('editor.content')}
        comments={{ reportId: report.id, canModerate: report.access === 'edit' || report.canManage }}
      />
      <HistoryCard report={report} currentDoc={currentDoc} />
    </>
  );
}

export function ReportPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const report = useReport(id);

  useEffect(() => {
    if (report.data) document.title = `${report.data.title} · ${t('app.name')}`;
  }, [report.data, t]);

  if (report.isPending) return <LoadingState label={t('common.loading')} />;
  if (report.isError) return <QueryError error={report.error} onRetry={() => report.refetch()} />;
  const data = report.data;

  return (
    <>
      <p>
        <Link className="back-link" to="/reports">
          {t('reports.title')}
        </Link>
      </p>
      <TitleEditor key={data.title} report={data} />
      <p className="org-meta">
        {data.organisationName} · <span dir="ltr">{t('reports.period', { start: data.periodStart, end: data.periodEnd })}</span> ·{' '}
        <span className={`badge status-${data.status}`}>{t(`reports.status.${data.status}`)}</span>
        {data.archived && <> · {t('reports.archived')}</>}
      </p>
      {data.status === 'submitted' ? <Alert kind="info">{t('reports.submittedNotice')}</Alert> : data.access === 'read' && <Alert kind="info">{t('reports.readOnlyNotice')}</Alert>}
      <WorkflowActions report={data} />
      <ExportLinks reportId={data.id} />
      <ReportText report={data} user={user} />
      <SubjectDiscussion kind="report" id={data.id} />
    </>
  );
}
