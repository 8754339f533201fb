import { MEETING_KINDS, WHO_REGION_CODES, type RegionCode } from '@simashe/contracts';
import { useCurrentUser } from '@simashe/web-accounts';
import { ApiError } from '@simashe/web-api-client';
import { formatDateTime, useTimeZoneOptions } from '@simashe/web-i18n';
import { useDirectory, useOrganisations } from '@simashe/web-organisations';
import { Alert, Button, Card, CopyField, EmptyState, LoadingState, QueryError, SelectField, TextField } from '@simashe/web-ui';
import { DateTime } from 'luxon';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AttendanceRatesCard } from './attendance-rates.card';
import { MonthView, shiftAnchor, viewRange, WeekView, type CalendarView } from './calendar-views';
import { FindATime } from './find-a-time';
import { OccurrenceItem } from './occurrence-item';
import { useCalendarFeed, useCreateMeeting, useResetCalendarFeed, useUpcomingMeetings } from './queries';

const RULES: Record<string, string> = { daily: 'FREQ=DAILY', weekly: 'FREQ=WEEKLY', monthly: 'FREQ=MONTHLY' };

function ScheduleCard() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const organisations = useOrganisations();
  const create = useCreateMeeting();
  const zones = useTimeZoneOptions();
  const [findingTime, setFindingTime] = useState(false);
  const organisers = (organisations.data?.items ?? []).filter((o) => o.relation === 'member' && (o.myRole === 'admin' || o.myRole === 'editor'));
  const directory = useDirectory();
  const [filter, setFilter] = useState('');
  const others = directory.data?.items ?? [];
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
          <TextField label={t('meetings.filterOrganisations')} value={filter} onChange={(e) => setFilter(e.target.value)} />
          {others
            .filter((o) => o.id !== organiserId && (invited.includes(o.id) || o.name.toLowerCase().includes(filter.trim().toLowerCase())))
            .map((o) => (
              <label key={o.id} className="checkbox">
                <input type="checkbox" checked={invited.includes(o.id)} onChange={(e) => setInvited((list) => (e.target.checked ? [...list, o.id] : list.filter((id) => id !== o.id)))} /> {o.name}
              </label>
            ))}
        </fieldset>
        <div className="button-row">
          <Button variant="secondary" aria-expanded={findingTime} onClick={() => setFindingTime((open) => !open)}>
            {t('meetings.findATime')}
          </Button>
        </div>
        {findingTime && (
          <FindATime
            organisations={others.filter((o) => o.id === organiserId || invited.includes(o.id))}
            zone={form.timeZone}
            onPick={(startIso) => {
              const start = DateTime.fromISO(startIso).setZone(form.timeZone);
              setForm((current) => ({
                ...current,
                localStart: start.toFormat("yyyy-LL-dd'T'HH:mm"),
                localEnd: start.plus({ hours: 1 }).toFormat("yyyy-LL-dd'T'HH:mm"),
              }));
            }}
          />
        )}
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

function CalendarFeedCard() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const feed = useCalendarFeed();
  const reset = useResetCalendarFeed();
  return (
    <Card title={t('meetings.feed')}>
      <p className="muted">{t('meetings.feedIntro')}</p>
      {feed.data?.active && feed.data.createdAt && !reset.data && (
        <p>{t('meetings.feedActive', { date: formatDateTime(feed.data.createdAt, i18n.language, { timeZone: user.timeZone }) })}</p>
      )}
      {reset.data && <CopyField label={t('meetings.feedLink')} value={reset.data.url} copyLabel={t('common.copy')} copiedLabel={t('common.copied')} />}
      {reset.error && <Alert kind="error">{reset.error.message}</Alert>}
      <Button variant="secondary" busy={reset.isPending} onClick={() => reset.mutate()}>
        {t('meetings.feedCreate')}
      </Button>
    </Card>
  );
}

function CalendarCard() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const zones = useTimeZoneOptions();
  const [viewZone, setViewZone] = useState(user.timeZone);
  const [view, setView] = useState<CalendarView>('list');
  const [anchor, setAnchor] = useState(() => DateTime.now().setZone(user.timeZone).toISODate()!);
  const range = viewRange(view, anchor, viewZone);
  const occurrences = useUpcomingMeetings(range.from.toUTC().toISO()!, range.to.toUTC().toISO()!);
  const heading =
    view === 'month'
      ? DateTime.fromISO(anchor).setLocale(i18n.language).toFormat('LLLL yyyy')
      : view === 'week'
        ? t('meetings.weekOf', { date: range.from.setLocale(i18n.language).toLocaleString(DateTime.DATE_MED) })
        : t('meetings.next90Days');

  return (
    <Card title={t('meetings.calendar')}>
      <div className="calendar-controls">
        <div className="button-row" role="group" aria-label={t('meetings.view')}>
          {(['month', 'week', 'list'] as const).map((option) => (
            <Button key={option} variant="secondary" aria-pressed={view === option} className={view === option ? 'selected' : ''} onClick={() => setView(option)}>
              {t(`meetings.views.${option}`)}
            </Button>
          ))}
        </div>
        <div className="button-row">
          <Button variant="secondary" aria-label={t('meetings.previous')} onClick={() => setAnchor(shiftAnchor(view, anchor, -1))}>
            ‹
          </Button>
          <Button variant="secondary" onClick={() => setAnchor(DateTime.now().setZone(viewZone).toISODate()!)}>
            {t('meetings.today')}
          </Button>
          <Button variant="secondary" aria-label={t('meetings.next')} onClick={() => setAnchor(shiftAnchor(view, anchor, 1))}>
            ›
          </Button>
          <strong aria-live="polite">{heading}</strong>
        </div>
        <SelectField label={t('meetings.showIn')} value={viewZone} onChange={(e) => setViewZone(e.target.value)} options={zones} />
      </div>
      {occurrences.isPending ? (
        <LoadingState label={t('common.loading')} />
      ) : occurrences.isError ? (
        <QueryError error={occurrences.error} onRetry={() => occurrences.refetch()} />
      ) : view === 'month' ? (
        <MonthView items={occurrences.data.items} anchor={anchor} zone={viewZone} />
      ) : view === 'week' ? (
        <WeekView items={occurrences.data.items} anchor={anchor} zone={viewZone} />
      ) : occurrences.data.items.length === 0 ? (
        <EmptyState>{t('meetings.empty')}</EmptyState>
      ) : (
        <ol className="occurrences">
          {occurrences.data.items.map((occurrence) => (
            <OccurrenceItem key={`${occurrence.meetingId}-${occurrence.occurrence}`} occurrence={occurrence} viewZone={viewZone} />
          ))}
        </ol>
      )}
    </Card>
  );
}

export function MeetingsPage() {
  const { t } = useTranslation();

  useEffect(() => {
    document.title = `${t('meetings.title')} · ${t('app.name')}`;
  }, [t]);

  return (
    <>
      <h1>{t('meetings.title')}</h1>
      <CalendarCard />
      <ScheduleCard />
      <AttendanceRatesCard />
      <CalendarFeedCard />
    </>
  );
}
