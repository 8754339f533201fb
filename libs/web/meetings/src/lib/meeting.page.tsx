import type { Meeting, MeetingOccurrence } from '@simashe/contracts';
import { useCurrentUser } from '@simashe/web-accounts';
import { SubjectDiscussion } from '@simashe/web-discussions';
import { formatDateTime } from '@simashe/web-i18n';
import { ApiError } from '@simashe/web-api-client';
import { Alert, BackLink, Button, Card, ConfirmDialog, EmptyState, LoadingState, QueryError, TextField } from '@simashe/web-ui';
import { DateTime } from 'luxon';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { AgendaCard } from './agenda.card';
import { GuestListCard } from './guest-list';
import { OccurrenceItem, useIsolate } from './occurrence-item';
import { useActionItems, useCancelOccurrence, useChangeFollowing, useMeeting, useMeetingPeople, useMoveOccurrence, useRecordAttendance, useSeriesRsvp } from './queries';
import { TimeZonePicker, useShownZone } from './time-zone-picker';

const PAGE = 10;

/** Moves one session, or this one and every later one (which splits the series, with a new title if wanted). */
function Reschedule({ meeting, occurrence, scope }: { meeting: Meeting; occurrence: MeetingOccurrence; scope: 'this' | 'following' }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const changeFollowing = useChangeFollowing();
  const moveOne = useMoveOccurrence();
  const change = scope === 'this' ? moveOne : changeFollowing;
  const length = DateTime.fromISO(occurrence.end).diff(DateTime.fromISO(occurrence.start));
  const localEnd = DateTime.fromISO(occurrence.localStart).plus(length).toFormat("yyyy-LL-dd'T'HH:mm");
  const [form, setForm] = useState({ localStart: occurrence.localStart, localEnd, title: meeting.title });
  const error = change.error instanceof ApiError ? change.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (scope === 'this') {
      moveOne.mutate({ meetingId: meeting.id, occurrence: occurrence.occurrence, localStart: form.localStart, localEnd: form.localEnd });
      return;
    }
    changeFollowing.mutate(
      { meetingId: meeting.id, occurrence: occurrence.occurrence, ...form },
      { onSuccess: (changed) => changed.id !== meeting.id && navigate(`/meetings/${changed.id}`) },
    );
  };
  return (
    <form className="occurrence-tool" onSubmit={submit} noValidate>
      {error && error.details.length === 0 && <Alert kind="error">{error.message}</Alert>}
      <p className="muted">{t(scope === 'this' ? 'meetings.moveIntro' : 'meetings.rescheduleIntro', { zone: meeting.timeZone })}</p>
      <div className="form-row">
        {scope === 'following' && (
          <TextField label={t('meetings.meetingTitle')} value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} error={error?.fieldError('title')} />
        )}
        <TextField label={t('meetings.start')} type="datetime-local" value={form.localStart} onChange={(e) => setForm({ ...form, localStart: e.target.value })} error={error?.fieldError('localStart')} />
        <TextField label={t('meetings.end')} type="datetime-local" value={form.localEnd} onChange={(e) => setForm({ ...form, localEnd: e.target.value })} error={error?.fieldError('localEnd')} />
      </div>
      {moveOne.isSuccess && <Alert kind="success">{t('meetings.movedNotice')}</Alert>}
      <Button type="submit" busy={change.isPending}>
        {t(scope === 'this' ? 'meetings.applyThis' : 'meetings.applyFollowing')}
      </Button>
    </form>
  );
}

function RecordAttendance({ meeting, occurrence }: { meeting: Meeting; occurrence: MeetingOccurrence }) {
  const { t } = useTranslation();
  const people = useMeetingPeople(meeting.id, true);
  const record = useRecordAttendance();
  const [chosen, setChosen] = useState<string[]>([]);
  if (people.isPending) return <LoadingState label={t('common.loading')} />;
  if (people.isError) return <QueryError error={people.error} onRetry={() => people.refetch()} />;
  return (
    <form
      className="occurrence-tool"
      onSubmit={(event) => {
        event.preventDefault();
        record.mutate({ meetingId: meeting.id, occurrence: occurrence.occurrence, userIds: chosen }, { onSuccess: () => setChosen([]) });
      }}
    >
      <fieldset className="invitees">
        <legend>{t('meetings.whoAttended')}</legend>
        {people.data.items.map((person) => (
          <label key={person.userId} className="checkbox">
            <input
              type="checkbox"
              checked={chosen.includes(person.userId)}
              onChange={(e) => setChosen((list) => (e.target.checked ? [...list, person.userId] : list.filter((id) => id !== person.userId)))}
            />{' '}
            <bdi>{person.name}</bdi>
            {person.organisationName && (
              <span className="muted">
                {' · '}
                <bdi>{person.organisationName}</bdi>
              </span>
            )}
          </label>
        ))}
      </fieldset>
      {record.isSuccess && <Alert kind="success">{t('meetings.attendanceSaved')}</Alert>}
      {record.error && <Alert kind="error">{record.error.message}</Alert>}
      <Button type="submit" disabled={chosen.length === 0} busy={record.isPending}>
        {t('meetings.recordAttendance')}
      </Button>
    </form>
  );
}

function OccurrenceActions({ meeting, occurrence }: { meeting: Meeting; occurrence: MeetingOccurrence }) {
  const { t } = useTranslation();
  const cancel = useCancelOccurrence();
  const [open, setOpen] = useState<'move' | 'reschedule' | 'attendance' | null>(null);
  const [confirming, setConfirming] = useState(false);
  const toggle = (tool: 'move' | 'reschedule' | 'attendance') => setOpen((current) => (current === tool ? null : tool));
  return (
    <>
      <div className="button-row">
        <Link className="btn btn-secondary" to={`/meetings/${meeting.id}/minutes/${occurrence.occurrence}`}>
          {t('meetings.minutes')}
        </Link>
        {meeting.canManage && (
          <>
            <Button variant="secondary" aria-expanded={open === 'attendance'} onClick={() => toggle('attendance')}>
              {t('meetings.recordAttendance')}
            </Button>
            <Button variant="secondary" aria-expanded={open === 'move'} onClick={() => toggle('move')}>
              {t('meetings.moveThis')}
            </Button>
            {meeting.rrule && (
              <>
                <Button variant="secondary" aria-expanded={open === 'reschedule'} onClick={() => toggle('reschedule')}>
                  {t('meetings.rescheduleFollowing')}
                </Button>
                <Button variant="danger" aria-haspopup="dialog" onClick={() => setConfirming(true)}>
                  {t('meetings.cancelFollowing')}
                </Button>
                <ConfirmDialog
                  open={confirming}
                  title={t('meetings.cancelFollowing')}
                  message={t('meetings.confirmCancelFollowing')}
                  confirmLabel={t('meetings.cancelFollowing')}
                  danger
                  busy={cancel.isPending}
                  error={cancel.error ? <Alert kind="error">{cancel.error.message}</Alert> : undefined}
                  onCancel={() => setConfirming(false)}
                  onConfirm={() => cancel.mutate({ meetingId: meeting.id, occurrence: occurrence.occurrence, scope: 'following' }, { onSuccess: () => setConfirming(false) })}
                />
              </>
            )}
          </>
        )}
      </div>
      {open === 'move' && <Reschedule meeting={meeting} occurrence={occurrence} scope="this" />}
      {open === 'reschedule' && <Reschedule meeting={meeting} occurrence={occurrence} scope="following" />}
      {open === 'attendance' && <RecordAttendance meeting={meeting} occurrence={occurrence} />}
    </>
  );
}

function ActionItemsCard({ meetingId, viewZone }: { meetingId: string; viewZone: string }) {
  const { t, i18n } = useTranslation();
  const items = useActionItems(meetingId);
  // The occurrence is the organiser's wall-clock time: read and shown as UTC so the date never shifts.
  const day = (occurrence: string) => formatDateTime(`${occurrence}:00Z`, i18n.language, { timeZone: 'UTC' });
  return (
    <Card title={t('meetings.actionItems')}>
      {items.isPending ? (
        <LoadingState label={t('common.loading')} />
      ) : items.isError ? (
        <QueryError error={items.error} onRetry={() => items.refetch()} />
      ) : items.data.items.length === 0 ? (
        <EmptyState>{t('meetings.actionItemsEmpty')}</EmptyState>
      ) : (
        <table className="action-items" data-zone={viewZone}>
          <thead>
            <tr>
              <th scope="col">{t('meetings.action')}</th>
              <th scope="col">{t('meetings.owner')}</th>
              <th scope="col">{t('meetings.due')}</th>
              <th scope="col">{t('meetings.fromSession')}</th>
            </tr>
          </thead>
          <tbody>
            {items.data.items.map((item, index) => (
              <tr key={`${item.minutesId}-${index}`} className={item.done ? 'done' : undefined}>
                <td>
                  {item.done && <span className="badge">{t('meetings.done')}</span>} <bdi>{item.text || t('meetings.untitledAction')}</bdi>
                </td>
                <td>{item.ownerName ? <bdi>{item.ownerName}</bdi> : t('meetings.noOwner')}</td>
                <td dir="ltr">{item.dueDate ?? '—'}</td>
                <td>
                  <Link to={`/meetings/${meetingId}/minutes/${item.occurrence}`}>{day(item.occurrence)}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}

export function MeetingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const meeting = useMeeting(id);
  const isolate = useIsolate();
  const location = useLocation();
  const justScheduled = (location.state as { scheduled?: boolean } | null)?.scheduled === true;
  const seriesRsvp = useSeriesRsvp();
  const [viewZone, setViewZone] = useShownZone(user.timeZone);
  const [shown, setShown] = useState(PAGE);
  const [showPast, setShowPast] = useState(false);
  const [now] = useState(() => Date.now());

  useEffect(() => {
    if (meeting.data) document.title = `${meeting.data.title} · ${t('app.name')}`;
  }, [meeting.data, t]);

  if (meeting.isPending) return <LoadingState label={t('common.loading')} />;
  if (meeting.isError) return <QueryError error={meeting.error} onRetry={() => meeting.refetch()} />;
  const data = meeting.data;
  const occurrences = data.occurrences.filter((o) => showPast || new Date(o.end).getTime() >= now);
  const upcoming = data.occurrences.filter((o) => new Date(o.end).getTime() >= now);

  return (
    <>
      <BackLink to="/meetings">{t('meetings.title')}</BackLink>
      {justScheduled && <Alert kind="success">{t('meetings.scheduled', { title: isolate(data.title) })}</Alert>}
      <h1 dir="auto">{data.title}</h1>
      <p className="org-meta">
        {t(`meetings.kinds.${data.kind}`)} · {data.occurrences[0] ? t('meetings.by', { name: isolate(data.occurrences[0].organiserOrganisationName) }) : null}
        {data.cancelled && <> · <span className="badge status-cancelled">{t('meetings.cancelled')}</span></>}
      </p>
      {data.description && (
        <p className="description" dir="auto">
          {data.description}
        </p>
      )}
      {data.conferencingUrl && (
        <p>
          <a href={data.conferencingUrl} target="_blank" rel="noopener noreferrer" dir="ltr">
            {t('meetings.join')}
          </a>
        </p>
      )}
      {data.rrule && upcoming.length > 1 && (
        <div className="series-rsvp">
          <div className="button-row" role="group" aria-label={t('meetings.rsvpSeries', { count: upcoming.length })}>
            <span>{t('meetings.rsvpSeries', { count: upcoming.length })}</span>
            {(['yes', 'maybe', 'no'] as const).map((answer) => {
              const all = upcoming.every((o) => o.myRsvp === answer);
              return (
                <Button
                  key={answer}
                  variant="secondary"
                  aria-pressed={all}
                  className={all ? 'selected' : ''}
                  busy={seriesRsvp.isPending && seriesRsvp.variables?.response === answer}
                  onClick={() => seriesRsvp.mutate({ meetingId: data.id, response: answer })}
                >
                  {t(`meetings.answerAll.${answer}`)}
                </Button>
              );
            })}
          </div>
          {seriesRsvp.isSuccess && <Alert kind="success">{t('meetings.rsvpSeriesSaved')}</Alert>}
          {seriesRsvp.error && <Alert kind="error">{seriesRsvp.error.message}</Alert>}
        </div>
      )}
      {data.canManage && <GuestListCard meeting={data} viewZone={viewZone} />}
      <AgendaCard meetingId={data.id} canManage={data.canManage} />
      <Card title={t('meetings.sessions')}>
        <div className="calendar-controls">
          <TimeZonePicker label={t('meetings.showIn')} value={viewZone} ownZone={user.timeZone} onChange={setViewZone} />
          <label className="checkbox">
            <input type="checkbox" checked={showPast} onChange={(e) => setShowPast(e.target.checked)} /> {t('meetings.showPast')}
          </label>
        </div>
        {occurrences.length === 0 ? (
          <EmptyState>{t('meetings.noSessions')}</EmptyState>
        ) : (
          <ol className="occurrences">
            {occurrences.slice(0, shown).map((occurrence) => (
              <OccurrenceItem key={occurrence.occurrence} occurrence={occurrence} viewZone={viewZone}>
                <OccurrenceActions meeting={data} occurrence={occurrence} />
              </OccurrenceItem>
            ))}
          </ol>
        )}
        {occurrences.length > shown && (
          <Button variant="secondary" onClick={() => setShown((count) => count + PAGE)}>
            {t('meetings.showMore', { count: occurrences.length - shown })}
          </Button>
        )}
      </Card>
      <ActionItemsCard meetingId={data.id} viewZone={viewZone} />
      <SubjectDiscussion kind="meeting" id={data.id} />
    </>
  );
}
