import { useCurrentUser } from '@simashe/web-accounts';
import { formatDate, formatDateTime, formatMonth } from '@simashe/web-i18n';
import { Alert, Button, Card, CopyField, EmptyState, LoadingState, QueryError } from '@simashe/web-ui';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { AttendanceRatesCard } from './attendance-rates.card';
import { dayInZone, todayIn } from './calendar-layout';
import { MonthView, shiftAnchor, usePhoneLayout, viewRange, WeekView, type CalendarView } from './calendar-views';
import { OccurrenceItem } from './occurrence-item';
import { useCalendarFeed, useResetCalendarFeed, useUpcomingMeetings } from './queries';
import { NewMeetingButton } from './schedule-form';
import { TimeZonePicker, useShownZone } from './time-zone-picker';

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
      {reset.data && <CopyField label={t('meetings.feedLink')} value={reset.data.url} copyLabel={t('meetings.copy')} copiedLabel={t('meetings.copied')} />}
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
  const [viewZone, setViewZone] = useShownZone(user.timeZone);
  const [view, setView] = useState<CalendarView>('list');
  const [anchor, setAnchor] = useState(() => todayIn(viewZone));
  // The day a month cell opened: the week view moves focus to it (the clicked button is gone with the month).
  const [openedDay, setOpenedDay] = useState<string | undefined>();
  const phone = usePhoneLayout();
  const go = (nextAnchor: string) => {
    setOpenedDay(undefined);
    setAnchor(nextAnchor);
  };
  const range = viewRange(view, anchor, viewZone);
  const occurrences = useUpcomingMeetings(range.from.toUTC().toISO()!, range.to.toUTC().toISO()!);
  const heading =
    view === 'month'
      ? formatMonth(`${anchor}T12:00:00Z`, i18n.language, 'UTC')
      : view === 'week'
        ? t('meetings.weekOf', { date: formatDate(range.from.toJSDate(), i18n.language, viewZone) })
        : t('meetings.next90Days');

  return (
    <Card title={t('meetings.calendar')}>
      <div className="calendar-controls">
        <div className="button-row" role="group" aria-label={t('meetings.view')}>
          {(['month', 'week', 'list'] as const).map((option) => (
            <Button
              key={option}
              variant="secondary"
              aria-pressed={view === option}
              className={view === option ? 'selected' : ''}
              onClick={() => {
                setOpenedDay(undefined);
                setView(option);
              }}
            >
              {t(`meetings.views.${option}`)}
            </Button>
          ))}
        </div>
        <div className="button-row">
          <Button variant="secondary" aria-label={t('meetings.previous')} onClick={() => go(shiftAnchor(view, anchor, -1))}>
            ‹
          </Button>
          <Button variant="secondary" onClick={() => go(todayIn(viewZone))}>
            {t('meetings.today')}
          </Button>
          <Button variant="secondary" aria-label={t('meetings.next')} onClick={() => go(shiftAnchor(view, anchor, 1))}>
            ›
          </Button>
          <strong aria-live="polite">{heading}</strong>
        </div>
        <TimeZonePicker
          label={t('meetings.showIn')}
          value={viewZone}
          ownZone={user.timeZone}
          onChange={(zone) => {
            setAnchor((day) => dayInZone(day, viewZone, zone));
            setViewZone(zone);
          }}
        />
      </div>
      {occurrences.isPending ? (
        <LoadingState label={t('common.loading')} />
      ) : occurrences.isError ? (
        <QueryError error={occurrences.error} onRetry={() => occurrences.refetch()} />
      ) : view === 'month' ? (
        <MonthView
          items={occurrences.data.items}
          anchor={anchor}
          zone={viewZone}
          phone={phone}
          onShowDay={(day) => {
            setAnchor(day);
            setOpenedDay(day);
            setView('week');
          }}
        />
      ) : view === 'week' ? (
        <WeekView items={occurrences.data.items} anchor={anchor} zone={viewZone} phone={phone} focus={openedDay} />
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
  const navigate = useNavigate();

  useEffect(() => {
    document.title = `${t('meetings.title')} · ${t('app.name')}`;
  }, [t]);

  return (
    <>
      <div className="page-actions">
        <h1>{t('meetings.title')}</h1>
        <NewMeetingButton onScheduled={(meeting) => navigate(`/meetings/${meeting.id}`, { state: { scheduled: true } })} />
      </div>
      <CalendarCard />
      <AttendanceRatesCard />
      <CalendarFeedCard />
    </>
  );
}
