import type { CurrentUser, Report } from '@simashe/contracts';
import { useCurrentUser } from '@simashe/web-accounts';
import { useFormatters } from '@simashe/web-i18n';
import { SubjectDiscussion } from '@simashe/web-discussions';
import { ApiError } from '@simashe/web-api-client';
import { Alert, BackLink, LoadingState, QueryError, TextField } from '@simashe/web-ui';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useReport, useReviewerCandidates, useUpdateReport } from './queries';
import { WorkflowActions } from './report-workflow';
import { ExportLinks } from './export-links';
import { HistoryCard } from './history.card';
import { LiveDocumentView } from './live-document';
import { useCollaboration } from './use-collaboration';

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
      <TextField label={t('reports.reportTitle')} dir="auto" value={title} onChange={(e) => setTitle(e.target.value)} onBlur={submit} error={error?.fieldError('title') ?? error?.message} />
    </form>
  );
}

/** The live text and its history: comparisons with the current text read the live document once it has synced. */
function ReportText({ report, user }: { report: Report; user: CurrentUser }) {
  const { t } = useTranslation();
  const live = useCollaboration({ kind: 'report', documentId: report.id });
  const currentDoc = live.state?.synced ? (live.session?.doc ?? null) : null;
  // Who may own an action item: the writer, and the people of the report's organisation and regional office.
  const candidates = useReviewerCandidates(report.id, report.access === 'edit');
  const owners = useMemo(() => [{ userId: user.id, name: user.name }, ...(candidates.data?.items ?? []).map((person) => ({ userId: person.id, name: person.name }))], [candidates.data, user.id, user.name]);
  return (
    <>
      <LiveDocumentView
        live={live}
        user={user}
        canEdit={report.access === 'edit'}
        label={t('editor.content')}
        comments={{ reportId: report.id, canModerate: report.access === 'edit' || report.canManage }}
        imagesReportId={report.id}
        owners={owners}
      />
      <HistoryCard report={report} currentDoc={currentDoc} />
    </>
  );
}

export function ReportPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const format = useFormatters(user.timeZone);
  const report = useReport(id);

  useEffect(() => {
    if (report.data) document.title = `${report.data.title} · ${t('app.name')}`;
  }, [report.data, t]);

  if (report.isPending) return <LoadingState label={t('common.loading')} />;
  if (report.isError) return <QueryError error={report.error} onRetry={() => report.refetch()} />;
  const data = report.data;

  return (
    <>
      <BackLink to="/reports">{t('reports.title')}</BackLink>
      <TitleEditor key={data.title} report={data} />
      <p className="org-meta">
        <bdi>{data.organisationName}</bdi> · <span dir="auto">{t('reports.period', { start: format.calendarDate(data.periodStart), end: format.calendarDate(data.periodEnd) })}</span> ·{' '}
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
