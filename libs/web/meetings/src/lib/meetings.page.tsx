import { MEETING_KINDS, WHO_REGION_CODES, type MeetingOccurrence, type RegionCode } from '@simashe/contracts';
import { useCurrentUser } from '@simashe/web-accounts';
import { ApiError } from '@simashe/web-api-client';
import { supportedTimeZones } from '@simashe/web-i18n';
import { useOrganisations } from '@simashe/web-organisations';
import { Alert, Button, Card, CopyField, EmptyState, LoadingState, QueryError, SelectField, TextField } from '@simashe/web-ui';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCalendarFeed, useCancelOccurrence, useCheckIn, useCreateMeeting, useRegistration, useResetCalendarFeed, useRsvp, useUpcomingMeetings } from './queries';

const RULES: Record<string, string> = { daily: 'FREQ=DAILY', weekly: 'FREQ=WEEKLY', monthly: 'FREQ=MONTHLY' };

function useTimeFormatter() {
  const { i18n } = useTranslation();
  return (iso: string, timeZone: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'full', timeStyle: 'short', timeZone }).format(new Date(iso));
}

function ScheduleCard() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const organisations = useOrganisations();
  const create = useCreateMeeting();
  const zones = useMemo(() => supportedTimeZones().map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') })), []);
  const organisers = (organisations.data?.items ?? []).filter((o) => o.relation === 'member' && (o.myRole === 'admin' || o.myRole === 'editor'));
  const others = organisations.data?.items ?? [];
  const [form, setForm] = useState({
    title: '',
    kind: 'action_learning_session',
    organiserOrganisationId: '',
    localStart: '',
    localEnd: '',
    timeZone: user.timeZone,
    repeat: 'none',
    count: '6',
    conferencingUrl: '',
    region: '',
    networkWide: false,
    capacity: '',
  });
  const [invited, setInvited] = useState<string[]>([]);
  const set = (key: keyof typeof form) => (value: string | boolean) => setForm((current) => ({ ...current, [key]: value }));
  const error = create.error instanceof ApiError ? create.error : null;
  if (organisers.length === 0) return null;
  const organiserId = form.organiserOrganisationId || organisers[0].id;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      {
        organiserOrganisationId: organiserId,
        title: form.title,
        description: '',
        kind: form.kind as (typeof MEETING_KINDS)[number],
        localStart: form.localStart,
        localEnd: form.localEnd,
        timeZone: form.timeZone,
        rrule: form.repeat === 'none' ? undefined : `${RULES[form.repeat]};COUNT=${form.count}`,
        conferencingUrl: form.conferencingUrl || undefined,
        networkWide: form.kind === 'webinar' && form.networkWide,
        capacity: form.kind === 'webinar' && form.capacity !== '' ? Number(form.capacity) : undefined,
        invitees: { organisationIds: invited, regionCodes: form.region ? [form.region as RegionCode] : [], userIds: [] },
      },
      { onSuccess: () => setForm((current) => ({ ...current, title: '' })) },
    );
  };

  return (
    <Card title={t('meetings.schedule')}>
      {error && error.details.length === 0 && <Alert kind="error">{error.message}</Alert>}
      <form onSubmit={submit} noValidate>
        <div className="form-row">
          <TextField label={t('meetings.meetingTitle')} value={form.title} onChange={(e) => set('title')(e.target.value)} error={error?.fieldError('title')} />
          <SelectField label={t('meetings.kind')} value={form.kind} onChange={(e) => set('kind')(e.target.value)} options={MEETING_KINDS.map((k) => ({ value: k, label: t(`meetings.kinds.${k}`) }))} />
          <SelectField label={t('meetings.organiser')} value={organiserId} onChange={(e) => set('organiserOrganisationId')(e.target.value)} options={organisers.map((o) => ({ value: o.id, label: o.name }))} />
        </div>
        <div className="form-row">
          <TextField label={t('meetings.start')} type="datetime-local" value={form.localStart} onChange={(e) => set('localStart')(e.target.value)} error={error?.fieldError('localStart')} />
          <TextField label={t('meetings.end')} type="datetime-local" value={form.localEnd} onChange={(e) => set('localEnd')(e.target.value)} error={error?.fieldError('localEnd')} />
          <SelectField label={t('meetings.timeZone')} value={form.timeZone} onChange={(e) => set('timeZone')(e.target.value)} options={zones} error={error?.fieldError('timeZone')} />
        </div>
        <div className="form-row">
          <SelectField
            label={t('meetings.repeat')}
            value={form.repeat}
            onChange={(e) => set('repeat')(e.target.value)}
            options={[
              { value: 'none', label: t('meetings.repeatNone') },
              { value: 'daily', label: t('meetings.repeatDaily') },
              { value: 'weekly', label: t('meetings.repeatWeekly') },
              { value: 'monthly', label: t('meetings.repeatMonthly') },
            ]}
            error={error?.fieldError('rrule')}
          />
          {form.repeat !== 'none' && <TextField label={t('meetings.count')} type="number" min={1} max={2000} value={form.count} onChange={(e) => set('count')(e.target.value)} />}
          <TextField label={t('meetings.link')} type="url" value={form.conferencingUrl} onChange={(e) => set('conferencingUrl')(e.target.value)} error={error?.fieldError('conferencingUrl')} dir="ltr" />
        </div>
        <fieldset className="invitees">
          <legend>{t('meetings.inviteOrganisations')}</legend>
          {others.filter((o) => o.id !== organiserId).map((o) => (
            <label key={o.id} className="checkbox">
              <input type="checkbox" checked={invited.includes(o.id)} onChange={(e) => setInvited((list) => (e.target.checked ? [...list, o.id] : list.filter((id) => id !== o.id)))} /> {o.name}
            </label>
          ))}
        </fieldset>
        <div className="form-row">
          <SelectField label={t('meetings.inviteRegion')} value={form.region} onChange={(e) => set('region')(e.target.value)} options={[{ value: '', label: t('meetings.noRegion') }, ...WHO_REGION_CODES.map((code) => ({ value: code, label: code }))]} />
        </div>
        {form.kind === 'webinar' && (
          <div className="form-row">
            <TextField label={t('meetings.capacity')} type="number" min={0} value={form.capacity} onChange={(e) => set('capacity')(e.target.value)} error={error?.fieldError('capacity')} />
          </div>
        )}
        {form.kind === 'webinar' && (
          <label className="checkbox">
            <input type="checkbox" checked={form.networkWide} onChange={(e) => set('networkWide')(e.target.checked)} /> {t('meetings.networkWide')}
          </label>
        )}
        <div className="button-row">
          <Button type="submit" busy={create.isPending}>
            {t('meetings.create')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

function OccurrenceItem({ occurrence, viewZone }: { occurrence: MeetingOccurrence; viewZone: string }) {
  const { t } = useTranslation();
  const format = useTimeFormatter();
  const rsvp = useRsvp();
  const cancel = useCancelOccurrence();
  const registration = useRegistration();
  const checkIn = useCheckIn();
  // Check-in opens 15 minutes before the start and closes at the end (the server enforces the same window).
  const [now] = useState(() => Date.now());
  const checkInOpen = now >= new Date(occurrence.start).getTime() - 15 * 60_000 && now <= new Date(occurrence.end).getTime();
  const organisations = useOrganisations();
  const seats = occurrence.registration;
  const canManage = (organisations.data?.items ?? []).some(
    (o) => o.name === occurrence.organiserOrganisationName && o.relation === 'member' && (o.myRole === 'admin' || o.myRole === 'editor'),
  );
  return (
    <li className="occurrence" aria-label={`${occurrence.title}, ${format(occurrence.start, viewZone)}`}>
      <strong>{occurrence.title}</strong> {occurrence.modified && <span className="badge">{t('meetings.moved')}</span>}
      <div className="occurrence-time">{format(occurrence.start, viewZone)}</div>
      {viewZone !== occurrence.timeZone && (
        <div className="muted">{t('meetings.organiserTime', { time: format(occurrence.start, occurrence.timeZone), zone: occurrence.timeZone })}</div>
      )}
      <div className="muted">{t('meetings.by', { name: occurrence.organiserOrganisationName })}</div>
      {seats && (
        <div className="registration">
          <span className="muted">
            {seats.capacity === null
              ? t('meetings.seatsOpen', { registered: seats.registered })
              : t('meetings.seats', { registered: seats.registered, capacity: seats.capacity, waitlisted: seats.waitlisted })}
          </span>{' '}
          {seats.status === 'registered' && <strong>{t('meetings.registered')}</strong>}
          {seats.status === 'waitlisted' && <strong>{t('meetings.waitlisted', { position: seats.waitlistPosition })}</strong>}{' '}
          <Button
            variant="secondary"
            busy={registration.isPending}
            onClick={() => registration.mutate({ meetingId: occurrence.meetingId, register: seats.status === null })}
          >
            {seats.status === null ? t('meetings.register') : t('meetings.leave')}
          </Button>
        </div>
      )}
      <div className="button-row" role="group" aria-label={t('meetings.rsvp')}>
        {(['yes', 'maybe', 'no'] as const).map((answer) => (
          <Button
            key={answer}
            variant="secondary"
            aria-pressed={occurrence.myRsvp === answer}
            className={occurrence.myRsvp === answer ? 'selected' : ''}
            onClick={() => rsvp.mutate({ meetingId: occurrence.meetingId, occurrence: occurrence.occurrence, response: answer })}
          >
            {t(`meetings.${answer}`)}
          </Button>
        ))}
        {occurrence.attended ? (
          <strong>{t('meetings.attended')}</strong>
        ) : (
          checkInOpen && (
            <Button busy={checkIn.isPending} onClick={() => checkIn.mutate({ meetingId: occurrence.meetingId, occurrence: occurrence.occurrence })}>
              {t('meetings.checkIn')}
            </Button>
          )
        )}
        {canManage && occurrence.attendees > 0 && <span className="muted">{t('meetings.attendees', { count: occurrence.attendees })}</span>}
        <a className="btn btn-secondary" href={`/api/meetings/${occurrence.meetingId}/ics`} download>
          {t('meetings.ics')}
        </a>
        {canManage && (
          <Button variant="danger" onClick={() => cancel.mutate({ meetingId: occurrence.meetingId, occurrence: occurrence.occurrence })}>
            {t('meetings.cancelOccurrence')}
          </Button>
        )}
      </div>
    </li>
  );
}

function CalendarFeedCard() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const feed = useCalendarFeed();
  const reset = useResetCalendarFeed();
  return (
    <Card title={t('meetings.feed')}>
      <p className="muted">{t('meetings.feedIntro')}</p>
      {feed.data?.active && feed.data.createdAt && !reset.data && (
        <p>{t('meetings.feedActive', { date: new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: user.timeZone }).format(new Date(feed.data.createdAt)) })}</p>
      )}
      {reset.data && <CopyField label={t('meetings.feedLink')} value={reset.data.url} copyLabel={t('common.copy')} copiedLabel={t('common.copied')} />}
      {reset.error && <Alert kind="error">{reset.error.message}</Alert>}
      <Button variant="secondary" busy={reset.isPending} onClick={() => reset.mutate()}>
        {t('meetings.feedCreate')}
      </Button>
    </Card>
  );
}

export function MeetingsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [viewZone, setViewZone] = useState(user.timeZone);
  const zones = useMemo(() => supportedTimeZones().map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') })), []);
  const [range] = useState(() => {
    const from = new Date();
    from.setHours(0, 0, 0, 0);
    return { from: from.toISOString(), to: new Date(from.getTime() + 90 * 86400_000).toISOString() };
  });
  const upcoming = useUpcomingMeetings(range.from, range.to);

  useEffect(() => {
    document.title = `${t('meetings.title')} · ${t('app.name')}`;
  }, [t]);

  return (
    <>
      <h1>{t('meetings.title')}</h1>
      <ScheduleCard />
      <Card title={t('meetings.upcoming')}>
        <div className="form-row">
          <SelectField label={t('meetings.showIn')} value={viewZone} onChange={(e) => setViewZone(e.target.value)} options={zones} />
        </div>
        {upcoming.isPending ? (
          <LoadingState label={t('common.loading')} />
        ) : upcoming.isError ? (
          <QueryError error={upcoming.error} onRetry={() => upcoming.refetch()} />
        ) : upcoming.data.items.length === 0 ? (
          <EmptyState>{t('meetings.empty')}</EmptyState>
        ) : (
          <ol className="occurrences">
            {upcoming.data.items.map((occurrence) => (
              <OccurrenceItem key={`${occurrence.meetingId}-${occurrence.occurrence}`} occurrence={occurrence} viewZone={viewZone} />
            ))}
          </ol>
        )}
      </Card>
      <CalendarFeedCard />
    </>
  );
}
