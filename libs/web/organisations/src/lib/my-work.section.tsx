import type { MeetingOccurrence, MyMilestone, NotificationList, ReportList } from '@simashe/contracts';
import { useCurrentUser } from '@simashe/web-accounts';
import { api } from '@simashe/web-api-client';
import { useDateFormatter } from '@simashe/web-i18n';
import { Card, EmptyState, LoadingState, QueryError } from '@simashe/web-ui';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { myRecentReports, nextSevenDays, unreadMentions, upcomingSessions } from './my-work';
import './my-work.css';

/**
 * One section of "my work": its own loading, error and empty states, so a slow or failing list does not hold up
 * the others. Each section is one request to an existing list endpoint (no query per row).
 */
function Section<T>({ title, query, pick, empty, children }: {
  title: string;
  query: UseQueryResult<T>;
  pick: (data: T) => unknown[];
  empty: string;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Card title={title} headingLevel={3}>
      {query.isPending ? (
        <LoadingState label={t('common.loading')} />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => query.refetch()} />
      ) : pick(query.data).length === 0 ? (
        <EmptyState>{empty}</EmptyState>
      ) : (
        children(query.data)
      )}
    </Card>
  );
}

function ReportRows({ reports }: { reports: ReportList['items'] }) {
  const { t } = useTranslation();
  const format = useDateFormatter(useCurrentUser().timeZone);
  return (
    <ul className="my-work-list">
      {reports.map((report) => (
        <li key={report.id}>
          <Link to={`/reports/${report.id}`} dir="auto">
            {report.title}
          </Link>
          <span className="muted">
            <bdi>{report.organisationName}</bdi> · <span className="badge">{t(`reports.status.${report.status}`)}</span> ·{' '}
            <bdi>{t('myWork.edited', { date: format(report.lastEditedAt) })}</bdi>
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The caller's own work on the home page: reports, reviews, the week's meetings and unread mentions. */
export function MyWork({ memberOrganisationIds }: { memberOrganisationIds: string[] }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const format = useDateFormatter(user.timeZone);
  // Due dates are calendar days, not instants: shown as written, whatever the reader's zone.
  const formatDay = useDateFormatter('UTC');
  const span = useMemo(() => nextSevenDays(new Date()), []);

  const recent = useQuery({
    queryKey: ['reports', 'home', 'recent'],
    queryFn: () => api.get<ReportList>('/reports?sort=lastEdited&order=desc&archived=false&pageSize=30'),
  });
  const toReview = useQuery({ queryKey: ['reports', 'home', 'to-review'], queryFn: () => api.get<ReportList>('/reports?toReview=true&sort=lastEdited&pageSize=10') });
  const meetings = useQuery({
    queryKey: ['meetings', 'home', span.from],
    queryFn: () => api.get<{ items: MeetingOccurrence[] }>(`/meetings?from=${encodeURIComponent(span.from)}&to=${encodeURIComponent(span.to)}`),
  });
  const milestones = useQuery({ queryKey: ['milestones', 'mine', 'overdue'], queryFn: () => api.get<{ items: MyMilestone[] }>('/me/milestones?overdue=true') });
  const mentions = useQuery({ queryKey: ['notifications', 'home', 'unread'], queryFn: () => api.get<NotificationList>('/notifications?unread=true&limit=100') });

  const mine = (data: ReportList) => myRecentReports(data.items, user.id, memberOrganisationIds);
  const sessions = (data: { items: MeetingOccurrence[] }) => upcomingSessions(data.items, new Date());
  const myMentions = (data: NotificationList) => unreadMentions(data.items);

  return (
    <section className="my-work" aria-labelledby="my-work-title">
      <h2 id="my-work-title">
        {t('myWork.title')}
      </h2>
      <div className="my-work-grid">
        <Section title={t('myWork.recentReports')} query={recent} pick={mine} empty={t('myWork.noRecentReports')}>
          {(data) => <ReportRows reports={mine(data)} />}
        </Section>
        <Section title={t('myWork.toReview')} query={toReview} pick={(data) => data.items} empty={t('myWork.noToReview')}>
          {(data) => <ReportRows reports={data.items} />}
        </Section>
        <Section title={t('myWork.upcomingMeetings')} query={meetings} pick={sessions} empty={t('myWork.noMeetings')}>
          {(data) => (
            <ul className="my-work-list">
              {sessions(data).map((session) => (
                <li key={`${session.meetingId}:${session.occurrence}`}>
                  <Link to={`/meetings/${session.meetingId}`} dir="auto">
                    {session.title}
                  </Link>
                  <span className="muted">
                    <bdi>{format(session.start, { dateStyle: 'medium', timeStyle: 'short' })}</bdi> ·{' '}
                    {session.myRsvp ? t('myWork.yourAnswer', { answer: t(`myWork.answers.${session.myRsvp}`) }) : t('myWork.notAnswered')}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Section>
        <Section title={t('myWork.unreadMentions')} query={mentions} pick={myMentions} empty={t('myWork.noMentions')}>
          {(data) => (
            <ul className="my-work-list">
              {myMentions(data).map((mention) => (
                <li key={mention.id}>
                  {mention.link ? (
                    <Link to={mention.link} dir="auto">
                      {mention.title}
                    </Link>
                  ) : (
                    <span dir="auto">{mention.title}</span>
                  )}
                  <span className="muted">
                    <bdi>{format(mention.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</bdi>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Section>
        <Section title={t('myWork.overdueMilestones')} query={milestones} pick={(data) => data.items} empty={t('myWork.noOverdueMilestones')}>
          {(data) => (
            <ul className="my-work-list">
              {data.items.map((milestone) => (
                <li key={milestone.id}>
                  <Link to={`/cycles/initiatives/${milestone.initiativeId}`} dir="auto">
                    {milestone.title}
                  </Link>
                  <span className="muted">
                    <bdi>{t('myWork.milestoneOf', { initiative: milestone.initiativeTitle, cycle: milestone.cycleTitle })}</bdi>
                    {milestone.dueOn && (
                      <>
                        {' · '}
                        <bdi>{t('myWork.due', { date: formatDay(`${milestone.dueOn}T00:00:00Z`, { dateStyle: 'medium' }) })}</bdi>
                      </>
                    )}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Section>
      </div>
    </section>
  );
}
