import { useCurrentUser } from '@simashe/web-accounts';
import { ApiError } from '@simashe/web-api-client';
import { formatDateTime } from '@simashe/web-i18n';
import { LiveDocument } from '@simashe/web-reports';
import { Alert, BackLink, LoadingState, QueryError } from '@simashe/web-ui';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useMeeting, useMeetingPeople, useMinutes } from './queries';

/** The minutes of one session, co-edited in real time; action items get an owner from the people the meeting concerns. */
export function MinutesPage() {
  const { t, i18n } = useTranslation();
  const { id = '', occurrence = '' } = useParams();
  const user = useCurrentUser();
  const meeting = useMeeting(id);
  const minutes = useMinutes(id, occurrence);
  const people = useMeetingPeople(id, minutes.data?.access === 'edit');
  // The organiser's wall-clock time of the session, shown as is (read as UTC so it never shifts).
  const session = formatDateTime(`${occurrence}:00Z`, i18n.language, { timeZone: 'UTC', dateStyle: 'full', timeStyle: 'short' });

  useEffect(() => {
    if (meeting.data) document.title = `${t('meetings.minutes')}: ${meeting.data.title} · ${t('app.name')}`;
  }, [meeting.data, t]);

  if (meeting.isPending || minutes.isPending) return <LoadingState label={t('common.loading')} />;
  if (meeting.isError) return <QueryError error={meeting.error} onRetry={() => meeting.refetch()} />;
  return (
    <>
      <BackLink to={`/meetings/${id}`}>{meeting.data.title}</BackLink>
      <h1>{t('meetings.minutesOf', { title: meeting.data.title })}</h1>
      <p className="org-meta">{t('meetings.sessionOf', { date: session, zone: meeting.data.timeZone })}</p>
      {minutes.isError ? (
        minutes.error instanceof ApiError && minutes.error.status === 403 ? (
          <Alert kind="info">{t('meetings.minutesNotStarted')}</Alert>
        ) : (
          <QueryError error={minutes.error} onRetry={() => minutes.refetch()} />
        )
      ) : (
        <>
          {minutes.data.access === 'read' && <Alert kind="info">{t('meetings.minutesReadOnly')}</Alert>}
          <LiveDocument
            documentRef={{ kind: 'meeting_minutes', documentId: minutes.data.documentId }}
            user={user}
            canEdit={minutes.data.access === 'edit'}
            label={t('meetings.minutesText')}
            owners={people.data?.items ?? []}
          />
        </>
      )}
    </>
  );
}
